/**
 * The one place the filter facts of a case are read from the database at
 * its first publication (issue 18: "taken from the placement's records at
 * the time of publication"). The lead may adjust it at merge: it reads the
 * host application's organization snapshot (PHASE-CONTRACTS.md, written by
 * #19) through to_jsonb(row) -> 'organization_snapshot', which is null both
 * when the column does not exist yet and when it is empty, so it runs before
 * and after #19 lands; the organization row is the fallback. The host
 * application is the placement's (placement → position → host application),
 * else the organization's application for the case's round.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import { type CaseFacts, type OrganizationSnapshot, caseFactsFrom } from "../../domain/cases/facts.ts";
import type { CaseRow } from "./case-access.ts";

export async function resolveCaseFacts(trx: Kysely<Database>, row: CaseRow, declaredNationality: string | null): Promise<CaseFacts> {
  const org = await trx
    .selectFrom("host_organizations")
    .select(["jsic_division", "employees", "prefecture_code"])
    .where("id", "=", row.organization_id)
    .executeTakeFirstOrThrow();
  let hostApplicationId: string | null = null;
  let application: { nationality: string | null } | null = null;
  let roundId = row.round_id;
  if (row.placement_id) {
    const p = await trx
      .selectFrom("placements")
      .innerJoin("positions", "positions.id", "placements.position_id")
      .innerJoin("applications", "applications.id", "placements.application_id")
      .select(["positions.host_application_id", "applications.nationality", "placements.round_id"])
      .where("placements.id", "=", row.placement_id)
      .executeTakeFirst();
    if (p) {
      hostApplicationId = p.host_application_id;
      application = { nationality: p.nationality };
      roundId = roundId ?? p.round_id;
    }
  }
  if (!hostApplicationId && roundId) {
    const ha = await trx
      .selectFrom("host_applications")
      .select("id")
      .where("round_id", "=", roundId)
      .where("organization_id", "=", row.organization_id)
      .executeTakeFirst();
    hostApplicationId = ha?.id ?? null;
  }
  let snapshot: OrganizationSnapshot | null = null;
  if (hostApplicationId) {
    const s = await sql<{
      snapshot: OrganizationSnapshot | null;
    }>`select to_jsonb(ha) -> 'organization_snapshot' as snapshot from host_applications ha where ha.id = ${hostApplicationId}`.execute(trx);
    const value = s.rows[0]?.snapshot ?? null;
    snapshot = value && typeof value === "object" ? value : null;
  }
  const round = roundId ? await trx.selectFrom("rounds").select("fiscal_year").where("id", "=", roundId).executeTakeFirst() : undefined;
  return caseFactsFrom({
    snapshot,
    organization: { jsicDivision: org.jsic_division, employees: org.employees, prefectureCode: org.prefecture_code },
    application,
    declaredNationality,
    fiscalYear: round?.fiscal_year ?? null,
  });
}

/** The intern's names as the program knows them (from the linked placement), to spot them in a text published without consent. */
export async function knownInternNames(trx: Kysely<Database>, placementId: string | null): Promise<string[]> {
  if (!placementId) return [];
  const a = await trx
    .selectFrom("placements")
    .innerJoin("applications", "applications.id", "placements.application_id")
    .select(["applications.family_name", "applications.given_name"])
    .where("placements.id", "=", placementId)
    .executeTakeFirst();
  return [a?.family_name, a?.given_name, a?.given_name && a.family_name ? `${a.given_name} ${a.family_name}` : null].filter((n): n is string => Boolean(n));
}
