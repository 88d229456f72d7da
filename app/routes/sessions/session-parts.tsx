/** How one session is described on the public pages (time in the venue zone plus Tokyo and the viewer's zone). */
import { LOCALE_NAMES, isLocale } from "#src/i18n/locales.ts";
import type { SessionSummary } from "#src/services/sessions/session-view.ts";
import { SummaryList } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { countryName } from "../../lib/countries.ts";
import { formatInstant, useI18n } from "../../lib/i18n.tsx";

export function SessionFacts({ s }: { s: SessionSummary & { full: boolean; registered: number } }) {
  const { t, locale } = useI18n();
  const left = Math.max(0, s.capacity - s.registered);
  return (
    <SummaryList
      rows={[
        {
          key: "when",
          label: t("sessions.when"),
          value: (
            <>
              <Instant at={s.startsAt} />
              <br />
              {t("sessions.venueTime", { time: formatInstant(s.startsAt, locale, s.timeZone), zone: s.timeZone })}
            </>
          ),
        },
        {
          key: "where",
          label: t("sessions.where"),
          value: s.mode === "online" ? t("sessions.online") : [s.venue, s.city, countryName(s.countryCode, locale)].filter(Boolean).join(", "),
        },
        { key: "language", label: t("sessions.language"), value: isLocale(s.language) ? LOCALE_NAMES[s.language] : s.language },
        s.partnerOrganization ? { key: "partner", label: t("sessions.partner"), value: s.partnerOrganization } : null,
        { key: "places", label: t("sessions.places"), value: s.full ? t("sessions.fullWaitlist") : t("sessions.placesLeft", { count: left }) },
      ]}
    />
  );
}
