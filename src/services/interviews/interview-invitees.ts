/**
 * Whom an invitation to an interview stage reaches (internal helper, issue 14,
 * ADR 0033): the form's choice (everyone not invited yet, the top N of the
 * screening ranking, or a list of receipt numbers) read and validated, and the
 * round's screened applicants ranked by screening's normalized document score.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { chooseInvitees, parseReceiptNumbers, SELECTION_STAGES, type InviteeChoice, type SelectionStage } from "../../domain/interviews/index.ts";
import { personName } from "../../domain/person-name.ts";
import { ValidationError } from "../errors.ts";
import { typedWholeNumber } from "../fields.ts";
import { parseInput } from "../validation.ts";

const schema = z.discriminatedUnion("mode", [
  z.object({ stage: z.enum(SELECTION_STAGES, { error: "errors.required" }), mode: z.literal("all") }),
  z.object({ stage: z.enum(SELECTION_STAGES, { error: "errors.required" }), mode: z.literal("top"), top: typedWholeNumber(1, 100_000) }),
  z.object({
    stage: z.enum(SELECTION_STAGES, { error: "errors.required" }),
    mode: z.literal("list"),
    receiptNumbers: z.string({ error: "errors.required" }).max(200_000, { error: "errors.tooLong" }),
  }),
]);

/** The stage and the choice from a form (mode defaults to everyone; a list must name someone). */
export function readInviteeChoice(raw: unknown): { stage: SelectionStage; choice: InviteeChoice } {
  const input = { mode: "all", ...(raw && typeof raw === "object" ? raw : {}) } as Record<string, unknown>;
  if (!["all", "top", "list"].includes(String(input.mode))) input.mode = "all";
  const parsed = parseInput(schema, input);
  if (parsed.mode === "all") return { stage: parsed.stage, choice: { mode: "all" } };
  if (parsed.mode === "top") return { stage: parsed.stage, choice: { mode: "top", count: parsed.top } };
  const receiptNumbers = parseReceiptNumbers(parsed.receiptNumbers);
  if (receiptNumbers.length === 0) throw new ValidationError({ receiptNumbers: [{ key: "errors.required" }] });
  return { stage: parsed.stage, choice: { mode: "list", receiptNumbers } };
}

/** The round's screened applicants (status "interview", with an account), ranked, split by the choice. */
export async function selectInvitees(db: Kysely<Database>, roundId: string, stage: SelectionStage, choice: InviteeChoice) {
  const rows = await db
    .selectFrom("applications as a")
    .leftJoin("selection_document_scores as d", "d.application_id", "a.id")
    .leftJoin("interview_invitations as i", (j) => j.onRef("i.application_id", "=", "a.id").on("i.stage", "=", stage))
    .select(["a.id", "a.receipt_number", "a.family_name", "a.given_name", "a.nationality", "d.score", "i.application_id as invited"])
    .where("a.round_id", "=", roundId)
    .where("a.status", "=", "interview")
    .where("a.applicant_user_id", "is not", null)
    .execute();
  const candidates = rows.map((r) => ({
    id: r.id,
    receiptNumber: r.receipt_number,
    documentScore: r.score === null ? null : Number(r.score),
    invited: r.invited !== null,
    name: personName({ familyName: r.family_name, givenName: r.given_name, nationality: r.nationality }) ?? "",
  }));
  return chooseInvitees(candidates, choice);
}
