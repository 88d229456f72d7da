import { useLoaderData } from "react-router";
import { LOCALES, LOCALE_NAMES } from "#src/i18n/locales.ts";
import { listSessionCountries } from "#src/services/sessions/list-session-countries.ts";
import { listUpcomingSessions } from "#src/services/sessions/list-upcoming-sessions.ts";
import { countryName } from "../../lib/countries.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext } from "../../lib/request.server.ts";
import type { Route } from "./+types/calendar";
import { SessionFacts } from "./session-parts.tsx";

/** The public calendar of upcoming information sessions, filtered by a plain GET form. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale, actor } = await requestContext(request, params);
  const url = new URL(request.url);
  const filters = {
    country: url.searchParams.get("country") ?? "",
    mode: url.searchParams.get("mode") ?? "",
    language: url.searchParams.get("language") ?? "",
  };
  const audience = actor?.role === "host" || url.searchParams.get("for") === "hosts" ? "hosts" : "applicants";
  const [sessions, countries] = await Promise.all([listUpcomingSessions(rt, locale, filters, audience), listSessionCountries(rt)]);
  return { sessions, countries, filters, forHosts: audience === "hosts" };
}

export default function Calendar() {
  const { t, locale } = useI18n();
  const { sessions, countries, filters, forHosts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("sessions.calendarTitle")}</h1>
      <p className="lead">{t("sessions.calendarLead")}</p>
      <form method="get" className="filters" aria-label={t("sessions.filtersLabel")}>
        {forHosts ? <input type="hidden" name="for" value="hosts" /> : null}
        <div className="field">
          <label htmlFor="filter-country">{t("sessions.filterCountry")}</label>
          <select id="filter-country" name="country" defaultValue={filters.country}>
            <option value="">{t("sessions.any")}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-mode">{t("sessions.filterMode")}</label>
          <select id="filter-mode" name="mode" defaultValue={filters.mode}>
            <option value="">{t("sessions.any")}</option>
            <option value="online">{t("sessions.online")}</option>
            <option value="in_person">{t("sessions.inPerson")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language">{t("sessions.filterLanguage")}</label>
          <select id="filter-language" name="language" defaultValue={filters.language}>
            <option value="">{t("sessions.any")}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("sessions.filter")}</button>
      </form>
      {sessions.length === 0 ? (
        <p className="notice">{t("sessions.noneUpcoming")}</p>
      ) : (
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id}>
              <article aria-labelledby={`session-${s.id}`}>
                <h2 id={`session-${s.id}`}>
                  <a href={`/${locale}/sessions/${s.id}`}>{s.title}</a>
                </h2>
                <SessionFacts s={s} />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
