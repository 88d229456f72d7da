import { redirect } from "react-router";
import { negotiateLocale } from "#src/i18n/locales.ts";
import type { Route } from "./+types/root-redirect";

/** "/" sends the visitor to their language (Accept-Language), Japanese by default. */
export function loader({ request }: Route.LoaderArgs) {
  return redirect(`/${negotiateLocale(request.headers.get("accept-language"))}/`);
}
