import { getRuntime } from "../lib/runtime.server.ts";
import type { Route } from "./+types/api-auth";

/**
 * Only the links better-auth puts in e-mails are served here (e-mail
 * verification, password-reset landing). Every other auth step goes through
 * our own forms and use cases (rate limiting, audit), so better-auth's JSON
 * endpoints are not exposed.
 */
const LINK_PATHS = [/^\/api\/auth\/verify-email$/, /^\/api\/auth\/reset-password\/[^/]+$/];

export async function loader({ request }: Route.LoaderArgs) {
  const { pathname } = new URL(request.url);
  if (!LINK_PATHS.some((p) => p.test(pathname))) return new Response("Not found", { status: 404 });
  return (await getRuntime()).auth.handler(request);
}
