/**
 * How a person's name is written: in that person's own order. Where the convention of
 * the person's country puts the family name first (Japan, China, Taiwan, Hong Kong, Macao,
 * the two Koreas, Viet Nam, Cambodia, Hungary) the name reads "Nguyễn Thị Lan"; elsewhere
 * the given name comes first ("Maria Santos"). The country is the person's nationality
 * (ISO 3166-1 alpha-2); without one, the given name comes first. Every page, e-mail and
 * message that shows or greets a person by name uses this one rule.
 */
export const FAMILY_NAME_FIRST_COUNTRIES: ReadonlySet<string> = new Set(["JP", "CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH", "HU"]);

export interface NameParts {
  familyName: string | null | undefined;
  givenName: string | null | undefined;
  nationality?: string | null | undefined;
}

export function familyNameFirst(nationality: string | null | undefined): boolean {
  return nationality != null && FAMILY_NAME_FIRST_COUNTRIES.has(nationality.trim().toUpperCase());
}

/** The full name in the person's own order, or null when neither part is known. */
export function personName({ familyName, givenName, nationality }: NameParts): string | null {
  const family = familyName?.trim() || null;
  const given = givenName?.trim() || null;
  const parts = familyNameFirst(nationality) ? [family, given] : [given, family];
  const name = parts.filter((p): p is string => p !== null).join(" ");
  return name === "" ? null : name;
}
