/**
 * A date as three boxes (day, month, year), in the order the page's
 * language writes dates (year first in Japanese and Chinese). The boxes are
 * sent as `<name>.day`, `<name>.month` and `<name>.year`; the server joins
 * them with parseDateParts (src/domain/date-parts.ts), which returns an ISO
 * date or the error and the boxes it concerns. Only those boxes are marked.
 */
import type { ReactNode } from "react";
import { DATE_PARTS, type DatePart, type DateParts, isoToDateParts, parseDateParts } from "#src/domain/date-parts.ts";
import type { Locale } from "#src/i18n/locales.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { type FormState, errorsFor, fieldId, typedValue } from "./form-state.ts";
import { GroupFrame } from "./parts.tsx";

export interface DateInputProps {
  name: string;
  legend: ReactNode;
  state?: FormState;
  /** The saved date (YYYY-MM-DD), shown until the form is submitted. */
  defaultValue?: string | null;
  hint?: ReactNode;
  required?: boolean;
  /** "bday" for a date of birth: browsers then offer the person's own. */
  autoComplete?: "bday";
}

export function dateOrder(locale: Locale): readonly DatePart[] {
  return locale === "ja" || locale === "zh" ? ["year", "month", "day"] : DATE_PARTS;
}

/** The form field names of the three boxes. */
export function datePartNames(name: string): Record<DatePart, string> {
  return { day: `${name}.day`, month: `${name}.month`, year: `${name}.year` };
}

/** What was typed into the boxes, when the form was submitted. */
function typedParts(state: FormState | undefined, name: string): DateParts | undefined {
  if (!state?.values) return undefined;
  const names = datePartNames(name);
  const day = typedValue(state, names.day);
  const month = typedValue(state, names.month);
  const year = typedValue(state, names.year);
  if (day === undefined && month === undefined && year === undefined) return undefined;
  return { day: day ?? "", month: month ?? "", year: year ?? "" };
}

/** The boxes to mark: those the parser blames, or all three when the date itself is refused (out of range). */
function partsInError(state: FormState | undefined, name: string): DatePart[] {
  if (errorsFor(state, name).length === 0) return [];
  const typed = typedParts(state, name);
  const parsed = typed ? parseDateParts(typed) : null;
  return parsed && !parsed.ok ? parsed.parts : [...DATE_PARTS];
}

/** The id the error summary links to: the first box in error, in the page's order. */
export function dateInputTarget(name: string, state: FormState | undefined, locale: Locale): string {
  const wrong = partsInError(state, name);
  const first = dateOrder(locale).find((p) => wrong.includes(p)) ?? dateOrder(locale)[0]!;
  return `${fieldId(name)}-${first}`;
}

export function DateInput({ name, legend, state, defaultValue, hint, required, autoComplete }: DateInputProps) {
  const { t, locale } = useI18n();
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  const values = typedParts(state, name) ?? isoToDateParts(defaultValue);
  const wrong = partsInError(state, name);
  const names = datePartNames(name);
  const labels: Record<DatePart, string> = { day: t("form.day"), month: t("form.month"), year: t("form.year") };
  return (
    <GroupFrame id={id} fieldsetId={id} className="date-input" legend={legend} required={required} hint={hint} errors={errors}>
      <div className="date-input-boxes">
        {dateOrder(locale).map((part) => (
          <div className={`date-input-item date-input-${part}`} key={part}>
            <label htmlFor={`${id}-${part}`}>{labels[part]}</label>
            <input
              id={`${id}-${part}`}
              name={names[part]}
              type="text"
              inputMode="numeric"
              spellCheck={false}
              autoComplete={autoComplete ? `${autoComplete}-${part}` : undefined}
              defaultValue={values[part]}
              aria-invalid={wrong.includes(part) ? true : undefined}
            />
          </div>
        ))}
      </div>
    </GroupFrame>
  );
}
