/**
 * Host training records (issue 16 item 2, ADR 0038), shared by the host's and
 * the operator's use cases: which modules people passed, which sessions of a
 * round they attended, and the schedule input of a session or a final
 * presentation (when in Japan time, where or the online link).
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { type SupervisorIssue, supervisorIssues } from "../../domain/internship/training.ts";
import { instantToTokyoLocal, tokyoLocalToInstant } from "../../domain/time.ts";
import { optionalText } from "../fields.ts";

export interface PersonTraining {
  passed: string[];
  /** kick-off sessions of the round attended */
  attendedKickOff: boolean;
}

/** Modules passed and kick-off attendance in a round, for each of the given users. */
export async function trainingOf(db: Kysely<Database>, userIds: readonly string[], roundId: string): Promise<Map<string, PersonTraining>> {
  const out = new Map<string, PersonTraining>(userIds.map((id) => [id, { passed: [], attendedKickOff: false }]));
  if (userIds.length === 0) return out;
  const ids = [...userIds];
  const done = await db.selectFrom("training_completions").select(["user_id", "module"]).where("user_id", "in", ids).execute();
  for (const d of done) out.get(d.user_id)?.passed.push(d.module);
  const attended = await db
    .selectFrom("host_training_completions")
    .innerJoin("host_trainings", "host_trainings.id", "host_training_completions.training_id")
    .select("host_training_completions.user_id")
    .where("host_training_completions.user_id", "in", ids)
    .where("host_trainings.round_id", "=", roundId)
    .where("host_trainings.kind", "=", "kick_off")
    .execute();
  for (const a of attended) {
    const t = out.get(a.user_id);
    if (t) t.attendedKickOff = true;
  }
  return out;
}

/** What a placement's supervisor still lacks in its round (empty when ready). */
export async function supervisorIssuesOf(db: Kysely<Database>, supervisorUserId: string | null, roundId: string): Promise<SupervisorIssue[]> {
  if (!supervisorUserId) return supervisorIssues(null);
  const t = (await trainingOf(db, [supervisorUserId], roundId)).get(supervisorUserId)!;
  return supervisorIssues(t);
}

const tokyoDateTime = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const at = v === "" ? null : tokyoLocalToInstant(v);
    if (!at) {
      ctx.addIssue({ code: "custom", message: v === "" ? "errors.required" : "errors.dateTime" });
      return z.NEVER;
    }
    return at;
  });

/** When (Japan time) and where: a place, an https link, or both — at least one. */
export const scheduleFields = {
  startsAt: tokyoDateTime,
  place: optionalText(300),
  onlineUrl: optionalText(500),
};

export function checkWhere(v: { place: string | null; onlineUrl: string | null }, ctx: z.RefinementCtx): void {
  if (v.onlineUrl && !/^https:\/\/[^\s]+$/.test(v.onlineUrl)) ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "errors.invalid" });
  if (!v.place && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "hostTraining.errors.placeOrLink" });
}

/** An instant as the Japan-time "YYYY-MM-DDTHH:MM" the pages show. */
export function tokyoMinute(at: Date): string {
  return instantToTokyoLocal(at).slice(0, 16);
}
