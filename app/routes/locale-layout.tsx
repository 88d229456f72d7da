import { Outlet, data, isRouteErrorResponse, redirect, useLoaderData, useLocation, useRouteError } from "react-router";
import { type Locale, LOCALES, LOCALE_NAMES, STAFF_LOCALES, isLocale, negotiateLocale } from "#src/i18n/locales.ts";
import { isValidTimeZone } from "#src/domain/time.ts";
import { refuseBadRequest } from "../lib/bad-request.server.ts";
import { cookieValue } from "../lib/cookies.server.ts";
import { I18nProvider, makeI18n, useI18n } from "../lib/i18n.tsx";
import { requestContext } from "../lib/request.server.ts";
import { PageTitle } from "../components/page-title.tsx";
import type { Route } from "./+types/locale-layout";

const STAFF_PATH = /^\/[a-z]{2}\/(operator|reviewer|ministry|host)(\/|$)/;

/** A body over its limit (413) or a NUL character in any input (400) is refused before loaders and actions run. */
export const middleware: Route.MiddlewareFunction[] = [refuseBadRequest];

export async function loader({ request, params }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (!isLocale(params.lang)) {
    // "/operator" or "/xx/…": send to the visitor's language with the same path.
    const locale = negotiateLocale(request.headers.get("accept-language"));
    if (params.lang.length !== 2) throw redirect(`/${locale}${url.pathname}${url.search}`);
    throw data({ status: 404 }, { status: 404 });
  }
  if (STAFF_PATH.test(url.pathname) && !(STAFF_LOCALES as readonly string[]).includes(params.lang)) {
    throw redirect(`/en${url.pathname.slice(3)}${url.search}`);
  }
  const { actor } = await requestContext(request, params);
  const browserTz = cookieValue(request, "tz");
  const timeZone = actor?.timeZone ?? (browserTz && isValidTimeZone(browserTz) ? browserTz : null);
  return {
    locale: params.lang,
    timeZone,
    user: actor ? { name: actor.name, role: actor.role } : null,
  };
}

function LanguageSwitcher({ current }: { current: Locale }) {
  const { pathname, search } = useLocation();
  const { t } = useI18n();
  const rest = pathname.replace(/^\/[a-z]{2}(?=\/|$)/, "");
  const locales = STAFF_PATH.test(pathname) ? STAFF_LOCALES : LOCALES;
  return (
    <nav aria-label={t("nav.language")} className="language-switcher">
      <ul>
        {locales.map((l) => (
          <li key={l}>
            {l === current ? (
              <span aria-current="true" lang={l}>
                {LOCALE_NAMES[l]}
              </span>
            ) : (
              <a href={`/${l}${rest || "/"}${search}`} hrefLang={l} lang={l}>
                {LOCALE_NAMES[l]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Chrome({ locale, user, children }: { locale: Locale; user: { name: string; role: string } | null; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <p className="site-name">
            <a href={`/${locale}/`}>{t("site.name")}</a>
          </p>
          <nav aria-label={t("nav.main")} className="main-nav">
            <ul>
              {user?.role === "operator" || user?.role === "ministry" ? (
                <li>
                  <a href={`/${locale}/operator`}>{t("nav.operator")}</a>
                </li>
              ) : null}
              {user?.role === "applicant" ? (
                <li>
                  <a href={`/${locale}/application`}>{t("nav.application")}</a>
                </li>
              ) : null}
              {user?.role === "applicant" ? (
                <li>
                  <a href={`/${locale}/internship`}>{t("internship.nav")}</a>
                </li>
              ) : null}
              {!user ? (
                <li>
                  <a href={`/${locale}/apply`}>{t("nav.apply")}</a>
                </li>
              ) : null}
              {!user || user.role === "applicant" || user.role === "host" ? (
                <li>
                  <a href={`/${locale}/sessions${user?.role === "host" ? "?for=hosts" : ""}`}>{t("sessions.nav")}</a>
                </li>
              ) : null}
              {user?.role === "host" ? (
                <li>
                  <a href={`/${locale}/host`}>{t("hostNav.host")}</a>
                </li>
              ) : null}
              <li>
                <a href={`/${locale}/cases`}>{t("cases.nav")}</a>
              </li>
              {user ? (
                <>
                  <li>
                    <a href={`/${locale}/inbox`}>{t("inbox.nav")}</a>
                  </li>
                  <li>
                    <a href={`/${locale}/account`}>{t("nav.account")}</a>
                  </li>
                  <li>
                    <form method="post" action={`/${locale}/sign-out`}>
                      <button type="submit" className="link-button">
                        {t("nav.signOut")}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href={`/${locale}/sign-in`}>{t("nav.signIn")}</a>
                  </li>
                  <li>
                    <a href={`/${locale}/sign-up`}>{t("nav.signUp")}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitcher current={locale} />
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("site.footer")}</p>
          <p>
            <a href={`/${locale}/privacy`}>{t("privacy.nav")}</a>
          </p>
        </div>
      </footer>
    </>
  );
}

export default function LocaleLayout() {
  const { locale, timeZone, user } = useLoaderData<typeof loader>();
  return (
    <I18nProvider value={makeI18n(locale, timeZone)}>
      <Chrome locale={locale} user={user}>
        <Outlet />
      </Chrome>
    </I18nProvider>
  );
}

/** 403, 404 and 500 pages in the page's language, inside the normal page frame. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const lang = pathname.split("/")[1];
  const locale: Locale = isLocale(lang) ? lang : "ja";
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 400 ? "badRequest" : status === 403 ? "forbidden" : status === 404 ? "notFound" : status === 413 ? "tooLarge" : "serverError";
  if (!isRouteErrorResponse(error)) console.error(error);
  const i18n = makeI18n(locale, null);
  // A refusal while loading a page (409): its reasons, already in the page's language (app/lib/request.server.ts).
  const refusals = status === 409 && isRouteErrorResponse(error) ? ((error.data as { refusals?: string[] } | null)?.refusals ?? []) : [];
  return (
    <I18nProvider value={i18n}>
      <Chrome locale={locale} user={null}>
        {refusals.length > 0 ? (
          <>
            <PageTitle title={i18n.t("form.refusedTitle")} error />
            <h1>{i18n.t("form.refusedTitle")}</h1>
            <ul>
              {refusals.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <PageTitle title={i18n.t(`errorPage.${kind}.title`)} error />
            <h1>{i18n.t(`errorPage.${kind}.title`)}</h1>
            <p>{i18n.t(`errorPage.${kind}.body`)}</p>
          </>
        )}
        <p>
          <a href={`/${locale}/`}>{i18n.t("errorPage.home")}</a>
        </p>
      </Chrome>
    </I18nProvider>
  );
}
