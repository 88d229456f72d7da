/**
 * A derivation step as one line of text in English or Japanese, for CSV and
 * XLSX exports and logs ("22 days × ¥3,000 = ¥66,000; rate from 2025-07-01").
 * Pages may render the structured steps through the i18n catalogues instead.
 */
import type { DerivationStep } from "./ledger.ts";
import { formatYen } from "./yen.ts";

const MODE = { en: { in_person: "in person", online: "online" }, ja: { in_person: "対面", online: "オンライン" } } as const;
const STATUS = {
  en: { present: "present", absent: "absent", leave: "leave", holiday: "holiday" },
  ja: { present: "出勤", absent: "欠勤", leave: "休暇", holiday: "休日" },
} as const;

const days = (n: number, locale: "en" | "ja") => (locale === "ja" ? `${n}日` : `${n} ${n === 1 ? "day" : "days"}`);

export function describeStep(step: DerivationStep, locale: "en" | "ja" = "en"): string {
  const ja = locale === "ja";
  switch (step.kind) {
    case "days": {
      const rate = ja ? `${step.rateFrom}からの単価` : `rate from ${step.rateFrom}`;
      const prorated =
        step.minutes !== undefined
          ? ja
            ? `（${step.minutes}分/${step.fullDayMinutes}分: ${formatYen(step.rateYen)}を按分、円未満切り捨て）`
            : ` (${step.minutes} of ${step.fullDayMinutes} min of ${formatYen(step.rateYen)}, rounded down)`
          : "";
      return ja
        ? `${MODE.ja[step.mode]} ${days(step.days, locale)} × ${formatYen(step.unitYen)}${prorated} = ${formatYen(step.amountYen)}（${rate}）`
        : `${days(step.days, locale)} ${MODE.en[step.mode]} × ${formatYen(step.unitYen)}${prorated} = ${formatYen(step.amountYen)}; ${rate}`;
    }
    case "unpaid":
      if (ja)
        return `${MODE.ja[step.mode]} ${STATUS.ja[step.status]} ${days(step.days, locale)}: ${step.reason === "below_min_minutes" ? "最低時間未満のため" : ""}支給なし`;
      return `${days(step.days, locale)} ${MODE.en[step.mode]} ${STATUS.en[step.status]}: not paid${step.reason === "below_min_minutes" ? " (below the minimum minutes)" : ""}`;
    case "per_placement":
      return ja
        ? `1件 ${formatYen(step.amountYen)}（${step.rateFrom}からの単価）`
        : `once per placement: ${formatYen(step.amountYen)}; rate from ${step.rateFrom}`;
    case "per_month":
      return ja
        ? `${formatYen(step.rateYen)} × ${step.coveredDays}日/${step.daysInMonth}日 = ${formatYen(step.amountYen)}（円未満切り捨て、${step.rateFrom}からの単価）`
        : `${formatYen(step.rateYen)} × ${step.coveredDays}/${step.daysInMonth} days = ${formatYen(step.amountYen)} (rounded down); rate from ${step.rateFrom}`;
  }
}
