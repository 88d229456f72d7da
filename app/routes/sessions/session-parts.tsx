/** How one session is described on the public pages (time in the venue zone plus Tokyo and the viewer's zone). */
import { LOCALE_NAMES, isLocale } from "#src/i18n/locales.ts";
import type { SessionSummary } from "#src/services/sessions/session-view.ts";
import { Instant } from "../../components/instant.tsx";
import { countryName } from "../../lib/countries.ts";
import { formatInstant, useI18n } from "../../lib/i18n.tsx";

export function SessionFacts({ s }: { s: SessionSummary & { full: boolean; registered: number } }) {
  const { t, locale } = useI18n();
  const left = Math.max(0, s.capacity - s.registered);
  return (
    <dl className="summary-list">
      <dt>{t("sessions.when")}</dt>
      <dd>
        <Instant at={s.startsAt} />
        <br />
        {t("sessions.venueTime", { time: formatInstant(s.startsAt, locale, s.timeZone), zone: s.timeZone })}
      </dd>
      <dt>{t("sessions.where")}</dt>
      <dd>{s.mode === "online" ? t("sessions.online") : [s.venue, s.city, countryName(s.countryCode, locale)].filter(Boolean).join(", ")}</dd>
      <dt>{t("sessions.language")}</dt>
      <dd>{isLocale(s.language) ? LOCALE_NAMES[s.language] : s.language}</dd>
      {s.partnerOrganization ? (
        <>
          <dt>{t("sessions.partner")}</dt>
          <dd>{s.partnerOrganization}</dd>
        </>
      ) : null}
      <dt>{t("sessions.places")}</dt>
      <dd>{s.full ? t("sessions.fullWaitlist") : t("sessions.placesLeft", { count: left })}</dd>
    </dl>
  );
}
