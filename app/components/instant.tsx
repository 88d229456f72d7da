import { PROGRAM_TIME_ZONE, formatInstant, useI18n } from "../lib/i18n.tsx";

/**
 * An instant shown in Asia/Tokyo time (the program's time) and, when known,
 * in the viewer's own time zone. With JavaScript on, /enhance.js adds the
 * browser's zone when the server did not know it.
 */
export function Instant({ at }: { at: Date | string }) {
  const { locale, t, timeZone } = useI18n();
  const iso = new Date(at).toISOString();
  const own = timeZone && timeZone !== PROGRAM_TIME_ZONE ? timeZone : null;
  return (
    <span className="instant">
      <time dateTime={iso} data-local-time={own ? undefined : "pending"} data-label={t("common.yourTime")}>
        {formatInstant(at, locale, PROGRAM_TIME_ZONE)}
      </time>
      {own ? (
        <span className="instant-local">
          {" "}
          ({t("common.yourTime")}: {formatInstant(at, locale, own)})
        </span>
      ) : null}
    </span>
  );
}
