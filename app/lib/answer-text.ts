/**
 * An application's answer as a sentence for its reader: options by their label in the reader's
 * language (never the stored code: `toeic_lr`, `kanto`), yes/no for booleans, countries by name,
 * dates in the reader's format. The applicant's review page and the operator's application page
 * both show answers through this one function.
 */
export function answerText(
  value: unknown,
  { name, kind }: { name: string; kind: string },
  t: (k: string, p?: Record<string, string | number>) => string,
  country: (c: string) => string,
  date: (d: string) => string,
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (kind === "date") return date(String(value));
  if (typeof value === "boolean") return t(value ? "application.yes" : "application.no");
  if (Array.isArray(value))
    return value.length ? value.map((v) => (name === "preferredJsic" ? t(`jsic.${v}`) : t(`application.options.${name}.${v}`))).join(", ") : "—";
  if (name === "nationality" || name === "residenceCountry") return country(String(value));
  if (["degree", "jlptLevel", "englishTest", "englishSelfLevel", "heardAbout"].includes(name)) return t(`application.options.${name}.${value}`);
  return String(value);
}
