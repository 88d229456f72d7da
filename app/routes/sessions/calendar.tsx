import { useLoaderData } from "react-router";
import { LOCALES, LOCALE_NAMES } from "#src/i18n/locales.ts";
import { listSessionCountries } from "#src/services/sessions/list-session-countries.ts";
import { listUpcomingSessions } from "#src/services/sessions/list-upcoming-sessions.ts";
import { Select } from "../../components/forms/index.ts";
import { countryName } from "../../lib/countries.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext } from "../../lib/request.server.ts";
import type { Route } from "./+types/calendar";
import { SessionFacts } from "./session-parts.tsx";
import { PageTitle } from "../../components/page-title.tsx";

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
      <PageTitle title={t("sessions.calendarTitle")} />
      <h1>{t("sessions.calendarTitle")}</h1>
      <p className="lead">{t("sessions.calendarLead")}</p>
      <form method="get" className="filters" aria-label={t("sessions.filtersLabel")}>
        {forHosts ? <input type="hidden" name="for" value="hosts" /> : null}
        <Select
          name="country"
          id="filter-country"
          label={t("sessions.filterCountry")}
          placeholder={t("sessions.any")}
          options={countries.map((c) => ({ value: c, label: countryName(c, locale) }))}
          defaultValue={filters.country}
        />
        <Select
          name="mode"
          id="filter-mode"
          label={t("sessions.filterMode")}
          placeholder={t("sessions.any")}
          options={[
            { value: "online", label: t("sessions.online") },
            { value: "in_person", label: t("sessions.inPerson") },
          ]}
          defaultValue={filters.mode}
        />
        <Select
          name="language"
          id="filter-language"
          label={t("sessions.filterLanguage")}
          placeholder={t("sessions.any")}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          defaultValue={filters.language}
        />
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
