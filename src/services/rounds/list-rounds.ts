import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { type Page, type PageRequest, fetchPage, inPage } from "../paging.ts";

export interface RoundSummary {
  id: string;
  fiscalYear: number;
  nameJa: string;
  nameEn: string;
  phase: string;
  submittedApplications: number;
}

/** Rounds, newest fiscal year first, paged on the server. */
export async function listRounds(ctx: ServiceContext, actor: Actor | null, page: PageRequest): Promise<Page<RoundSummary>> {
  authorize(actor, "round.read");
  const base = ctx.db.selectFrom("rounds");
  return fetchPage(page, {
    total: base.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow(),
    items: base
      .select((eb) => [
        "rounds.id",
        "rounds.fiscal_year",
        "rounds.name_ja",
        "rounds.name_en",
        "rounds.phase",
        eb
          .selectFrom("applications")
          .select((eb2) => eb2.fn.countAll<string>().as("n"))
          .whereRef("applications.round_id", "=", "rounds.id")
          .where("applications.submitted_at", "is not", null)
          .as("submitted"),
      ])
      .orderBy("rounds.fiscal_year", "desc")
      .orderBy("rounds.created_at", "desc")
      .$call(inPage(page))
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          id: r.id,
          fiscalYear: r.fiscal_year,
          nameJa: r.name_ja,
          nameEn: r.name_en,
          phase: r.phase,
          submittedApplications: Number(r.submitted ?? 0),
        })),
      ),
  });
}
