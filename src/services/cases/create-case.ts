import { sql } from "kysely";
import { z } from "zod";
import { CASE_THEMES, emptyContent } from "../../domain/cases/content.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { findMembership } from "../hosts/membership.ts";
import { parseInput } from "../validation.ts";

const schema = z.object({
  theme: z.enum(CASE_THEMES, { error: "errors.chooseOne" }),
  placementId: z.string().optional().default(""),
  roundId: z.string().optional().default(""),
});

/**
 * A host member starts a case study of their organization under one of the
 * three themes, optionally linked to one of its placements (the intern's
 * records then give the case its facts) or to a round. It gets its public
 * number now; the address /<lang>/cases/<number> never changes.
 */
export async function createCase(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<{ id: string; number: number }> {
  const who = authorize(actor, "case.draft");
  const input = parseInput(schema, raw);
  const m = await findMembership(ctx.db, who.userId);
  if (!m) throw new NotFoundError("host_organization");
  const id = crypto.randomUUID();
  const now = ctx.clock();
  return ctx.db.transaction().execute(async (trx) => {
    let roundId: string | null = input.roundId || null;
    let placementId: string | null = null;
    if (input.placementId) {
      const p = await trx
        .selectFrom("placements")
        .innerJoin("positions", "positions.id", "placements.position_id")
        .innerJoin("host_applications", "host_applications.id", "positions.host_application_id")
        .select(["placements.id", "placements.round_id"])
        .where("placements.id", "=", input.placementId)
        .where("host_applications.organization_id", "=", m.organizationId)
        .executeTakeFirst();
      if (!p) throw new ValidationError({ placementId: [{ key: "errors.chooseOne" }] });
      placementId = p.id;
      roundId = p.round_id;
    } else if (roundId) {
      const r = await trx.selectFrom("rounds").select("id").where("id", "=", roundId).executeTakeFirst();
      if (!r) throw new ValidationError({ roundId: [{ key: "errors.chooseOne" }] });
    }
    const { n } = (await sql<{ n: number }>`select nextval('case_study_number_seq')::int as n`.execute(trx)).rows[0]!;
    const content = emptyContent(input.theme);
    await trx
      .insertInto("case_studies")
      .values({
        id,
        number: n,
        organization_id: m.organizationId,
        placement_id: placementId,
        round_id: roundId,
        content: JSON.stringify(content),
        created_by: who.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("case_study_revisions")
      .values({ case_id: id, number: 1, content: JSON.stringify(content), author_user_id: who.userId, author_role: who.role, note: "created", created_at: now })
      .execute();
    await writeAudit(trx, who, {
      action: "case.create",
      entityType: "case_study",
      entityId: id,
      after: { number: n, theme: input.theme, placementId, roundId },
    });
    return { id, number: n };
  });
}
