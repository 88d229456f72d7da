import { Links, Meta, Outlet, Scripts, isRouteErrorResponse, useMatches, useParams } from "react-router";
import { LOCALE_TAGS, isLocale } from "#src/i18n/locales.ts";
import type { Route } from "./+types/root";
import { refuseBadRequestPlainly } from "./lib/bad-request.server.ts";
import { cachedPublicPage } from "./lib/page-cache.server.ts";
import { noStoreWhenSignedIn } from "./lib/request.server.ts";
import { getRuntime } from "./lib/runtime.server.ts";
import stylesHref from "./styles.css?url";

/**
 * Oversized bodies and NUL characters are refused before any loader or action
 * (issue 11 items 3–4). Pages under /:lang are refused by the locale layout,
 * whose error page speaks the page's language; this covers the rest
 * (/api/auth/*, /documents/:id, /healthz).
 */
export const middleware: Route.MiddlewareFunction[] = [
  async (args) => {
    if (isLocale(new URL(args.request.url).pathname.split("/")[1])) return;
    await refuseBadRequestPlainly(args);
  },
  noStoreWhenSignedIn,
  // Anonymous public pages from the page cache (issue #20 item 1); signed-in requests pass through.
  async ({ request }, next) => cachedPublicPage(await getRuntime(), request, next),
];

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: stylesHref },
];

/**
 * Pages do not hydrate unless a route asks for it (`handle.hydrate`): forms
 * post as plain HTML and the only script is the small /enhance.js (ADR 0003).
 */
export function Layout({ children }: { children: React.ReactNode }) {
  const { lang } = useParams();
  const matches = useMatches();
  const hydrate = matches.some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === true);
  return (
    <html lang={isLocale(lang) ? LOCALE_TAGS[lang] : "ja"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? <Scripts /> : null}
        <script src="/enhance.js" defer />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Last resort, when even the locale layout failed: bilingual and plain. */
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404
      ? "ページが見つかりません / Page not found"
      : status === 400
        ? "リクエストを処理できません / This request cannot be processed"
        : status === 413
          ? "送信された内容が大きすぎます / What you sent is too large"
          : "エラーが発生しました / Something went wrong";
  return (
    <main className="container">
      <title>{title}</title>
      <h1>
        {status === 404
          ? "ページが見つかりません / Page not found"
          : status === 400
            ? "リクエストを処理できません / This request cannot be processed"
            : status === 413
              ? "送信された内容が大きすぎます / What you sent is too large"
              : "エラーが発生しました / Something went wrong"}
      </h1>
      <p>
        <a href="/ja/">トップページへ</a> · <a href="/en/">Home</a>
      </p>
    </main>
  );
}
