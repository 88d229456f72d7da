/**
 * E-mail addresses are compared without regard to case, everywhere: lower()
 * on the column (the indexes are on lower(email) / lower(to_address)) and
 * the address lower-cased.
 */
import type { ExpressionBuilder, Kysely, StringReference } from "kysely";
import type { Database } from "../db/schema.ts";

/** In a where-callback: this address column holds `address`, whatever the case. `.where((eb) => sameEmail(eb, "email", address))` */
export function sameEmail<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: StringReference<DB, TB>, address: string) {
  return eb(eb.fn<string>("lower", [column]), "=", address.toLowerCase());
}

/** The account with this e-mail address, if any (select what you need from it). */
export function userWithEmail(db: Kysely<Database>, address: string) {
  return db.selectFrom("user").where((eb) => sameEmail(eb, "email", address));
}
