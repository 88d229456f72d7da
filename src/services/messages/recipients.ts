/**
 * Who a message goes to: the people matching its audience filter, each once
 * (by e-mail address), with their name for {name} and their language.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { AudienceFilter } from "./message-schemas.ts";
import { personName } from "../../domain/person-name.ts";

export interface Recipient {
  userId: string | null;
  email: string;
  name: string;
  /** The recipient's own language (null: unknown); hosts always get Japanese. */
  locale: string | null;
  host: boolean;
}

export async function findRecipients(db: Kysely<Database>, filter: AudienceFilter): Promise<Recipient[]> {
  let rows: Recipient[];
  if (filter.kind === "applicants") {
    const found = await db
      .selectFrom("applications as a")
      .innerJoin("user as u", "u.id", "a.applicant_user_id")
      .select(["u.id", "u.email", "u.name", "u.locale", "a.given_name", "a.family_name", "a.nationality"])
      .where("a.round_id", "=", filter.roundId)
      .where("a.status", "=", filter.status)
      .orderBy("u.email")
      .execute();
    rows = found.map((r) => ({
      userId: r.id,
      email: r.email,
      name: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? r.name,
      locale: r.locale,
      host: false,
    }));
  } else if (filter.kind === "hosts") {
    let q = db
      .selectFrom("host_applications as ha")
      .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
      .innerJoin("prefectures as p", "p.code", "o.prefecture_code")
      .innerJoin("host_memberships as m", "m.organization_id", "o.id")
      .innerJoin("user as u", "u.id", "m.user_id")
      .select(["u.id", "u.email", "u.name"])
      .where("ha.round_id", "=", filter.roundId);
    if (filter.status) q = q.where("ha.status", "=", filter.status);
    if (filter.regionCode) q = q.where("p.region_code", "=", filter.regionCode);
    const found = await q.orderBy("u.email").execute();
    rows = found.map((r) => ({ userId: r.id, email: r.email, name: r.name, locale: "ja", host: true }));
  } else {
    let q = db
      .selectFrom("session_registrations as r")
      .leftJoin("user as u", "u.id", "r.user_id")
      .select(["r.user_id", "r.email", "r.name", "r.locale"])
      .where("r.session_id", "=", filter.sessionId);
    q = filter.status === "attended" ? q.where("r.attended", "=", true).where("r.status", "<>", "cancelled") : q.where("r.status", "=", filter.status);
    const found = await q.orderBy(sql`lower(r.email)`).execute();
    rows = found.map((r) => ({ userId: r.user_id, email: r.email, name: r.name, locale: r.locale, host: false }));
  }
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
