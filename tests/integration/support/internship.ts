/** Shared set-up of the internship period's integration tests (ADR 0022, 0035): a host company with a member, a round in the internship phase. */
import type { Actor } from "#src/services/context.ts";
import { createPlacementFromOffer } from "#src/services/internship/create-placement-from-offer.ts";
import { insertAcceptedOffer } from "../../support/phase-inputs/offers.ts";
import type { TestEnv } from "./databases.ts";
import { insertHostWithAdmin } from "./host-organization.ts";

export async function orgWithMember(env: TestEnv, name: string): Promise<{ orgId: string; actor: Actor }> {
  const { orgId, actor } = await insertHostWithAdmin(env, { nameJa: name, nameEn: `${name} Co.`, adminName: `${name} staff` });
  return { orgId, actor };
}

export async function insertRound(env: TestEnv, name: string): Promise<string> {
  const roundId = crypto.randomUUID();
  await env.db
    .insertInto("rounds")
    .values({
      id: roundId,
      fiscal_year: 2027,
      name_ja: "2027年度",
      name_en: name,
      phase: "internship",
      eligibility_reference_date: "2027-04-01",
      dac_list_version: "2024-2025",
      intern_daily_allowance_yen: 3000,
      online_daily_allowance_yen: 1000,
      host_daily_subsidy_yen: 2000,
    })
    .execute();
  return roundId;
}

/**
 * An intern placed with the host from 1 October to 24 December 2027 (cohort A unless given), through the offer's
 * use case, with the test clock left at `today`.
 */
export async function placedIntern(
  env: TestEnv,
  operator: Actor,
  p: { roundId: string; orgId: string; today: string; cohort?: string; intern?: { familyName: string; givenName: string; nationality: string } },
): Promise<string> {
  const offer = await insertAcceptedOffer(env.db, {
    roundId: p.roundId,
    organizationId: p.orgId,
    intern: p.intern ?? { familyName: "Srisuk", givenName: "Somchai", nationality: "TH" },
  });
  env.clock.set(p.today);
  const { id } = await createPlacementFromOffer(env.ctx, operator, {
    offerId: offer.offerId,
    cohort: p.cohort ?? "A",
    startsOn: "2027-10-01",
    endsOn: "2027-12-24",
  });
  return id;
}
