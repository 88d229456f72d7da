import { data } from "react-router";

/** Any unknown path under a locale: the localized 404 page (rendered by the locale layout). */
export function loader() {
  throw data({ status: 404 }, { status: 404 });
}

export default function NotFound() {
  return null;
}
