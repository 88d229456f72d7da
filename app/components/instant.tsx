import { FORMAT_TAGS } from "#src/i18n/locales.ts";
import { PROGRAM_TIME_ZONE, formatInstant, useI18n } from "../lib/i18n.tsx";

/**
 * An instant shown in Asia/Tokyo time (the program's time) and, when known,
 * in the viewer's own time zone. With JavaScript on, /enhance.js adds the
 * browser's zone when the server did not know it, with the same words
 * (data-pattern) and the same calendar (data-format-locale).
 */
export function Instant({ at }: { at: Date | string }) {
  const { locale, t, timeZone } = useI18n();
  const iso = new Date(at).toISOString();
  const own = timeZone && timeZone !== PROGRAM_TIME_ZONE ? timeZone : null;
  const label = t("common.yourTime");
  return (
    <span className="instant">
      <time
        dateTime={iso}
        data-local-time={own ? undefined : "pending"}
        data-pattern={own ? undefined : t("common.alsoIn", { label, time: "{time}" })}
        data-format-locale={own ? undefined : FORMAT_TAGS[locale]}
      >
        {formatInstant(at, locale, PROGRAM_TIME_ZONE)}
      </time>
      {own ? <span className="instant-local"> {t("common.alsoIn", { label, time: formatInstant(at, locale, own) })}</span> : null}
    </span>
  );
}
