import { redirect } from "react-router";
import { signOut } from "#src/services/auth/sign-out.ts";
import { getRuntime } from "../lib/runtime.server.ts";
import { redirectWithCookies } from "../lib/request.server.ts";
import type { Route } from "./+types/sign-out";

export async function action({ request, params }: Route.ActionArgs) {
  const { setCookies } = await signOut(await getRuntime(), request.headers);
  return redirectWithCookies(`/${params.lang}/`, setCookies);
}

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/${params.lang}/`);
}
