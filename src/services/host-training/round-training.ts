/**
 * The operator's host training page of a round (issue 16 item 2, ADR 0038):
 * the setting "supervisors complete the training before the placement
 * starts", the kick-off and follow-up sessions with their attendance, every
 * host member's completion, and the placements whose supervisor is not ready.
 * Every change is audited.
 */
import { z } from "zod";
import { type SupervisorIssue, TRAINING_SESSION_KINDS, supervisorIssues, trainingBlock, trainingStatus } from "../../domain/internship/training.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError } from "../errors.ts";
import { requiredText, stringList } from "../fields.ts";
import { placementQuery, toPlacementRow, tokyoToday } from "../internship/placement-access.ts";
import { parseInput } from "../validation.ts";
import { checkWhere, scheduleFields, tokyoMinute, trainingOf } from "./training-records.ts";

async function findRound(ctx: ServiceContext, roundId: string) {
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en", "training_before_start"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  return round;
}

/** Host members of the organizations taking part in the round (a host application in it). */
async function roundMembers(ctx: ServiceContext, roundId: string) {
  return ctx.db
    .selectFrom("host_memberships")
    .innerJoin("user", "user.id", "host_memberships.user_id")
    .innerJoin("host_organizations", "host_organizations.id", "host_memberships.organization_id")
    .select(["user.id", "user.name", "host_organizations.name_ja", "host_organizations.name_en"])
    .where("host_memberships.organization_id", "in", ctx.db.selectFrom("host_applications").select("organization_id").where("round_id", "=", roundId))
    .orderBy("host_organizations.name_ja")
    .orderBy("user.name")
    .execute();
}

export interface UnreadyPlacement {
  id: string;
  internName: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  supervisorName: string | null;
  startsOn: string;
  issues: SupervisorIssue[];
  block: "none" | "blocked" | "started_untrained";
}

/** Placements (planned or in progress) of the round whose supervisor has not completed the training. */
export async function unreadyPlacements(ctx: ServiceContext, roundId: string, setting: boolean): Promise<UnreadyPlacement[]> {
  const placements = (
    await placementQuery(ctx.db).where("placements.round_id", "=", roundId).where("placements.status", "in", ["planned", "active"]).execute()
  ).map(toPlacementRow);
  const supervisors = [...new Set(placements.map((p) => p.supervisorUserId).filter((id): id is string => id !== null))];
  const training = await trainingOf(ctx.db, supervisors, roundId);
  const names = new Map(
    supervisors.length === 0
      ? []
      : (await ctx.db.selectFrom("user").select(["id", "name"]).where("id", "in", supervisors).execute()).map((u) => [u.id, u.name]),
  );
  const today = tokyoToday(ctx.clock());
  return placements
    .map((p) => {
      const issues = supervisorIssues(p.supervisorUserId ? training.get(p.supervisorUserId)! : null);
      return {
        id: p.id,
        internName: p.internName,
        organizationNameJa: p.organizationNameJa,
        organizationNameEn: p.organizationNameEn,
        supervisorName: p.supervisorUserId ? (names.get(p.supervisorUserId) ?? null) : null,
        startsOn: p.startsOn,
        issues,
        block: trainingBlock(setting, issues, p.startsOn, today),
      };
    })
    .filter((p) => p.issues.length > 0)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.internName.localeCompare(b.internName));
}

export async function getRoundTraining(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "placement.manage");
  const round = await findRound(ctx, roundId);
  const sessions = await ctx.db
    .selectFrom("host_trainings")
    .select(["id", "kind", "held_at", "place", "online_url"])
    .where("round_id", "=", round.id)
    .where("held_at", "is not", null)
    .orderBy("held_at")
    .execute();
  const members = await roundMembers(ctx, round.id);
  const attendance =
    sessions.length === 0
      ? []
      : await ctx.db
          .selectFrom("host_training_completions")
          .select(["training_id", "user_id"])
          .where(
            "training_id",
            "in",
            sessions.map((s) => s.id),
          )
          .execute();
  const training = await trainingOf(
    ctx.db,
    members.map((m) => m.id),
    round.id,
  );
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en, trainingBeforeStart: round.training_before_start },
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      startsAt: tokyoMinute(s.held_at!),
      place: s.place,
      onlineUrl: s.online_url,
      attendees: attendance.filter((a) => a.training_id === s.id).map((a) => a.user_id),
    })),
    members: members.map((m) => {
      const t = training.get(m.id)!;
      const status = trainingStatus(t.passed, t.attendedKickOff);
      return {
        userId: m.id,
        name: m.name,
        organizationNameJa: m.name_ja,
        organizationNameEn: m.name_en,
        missingModules: status.missingModules,
        kickOffMissing: status.kickOffMissing,
        complete: status.complete,
      };
    }),
    unready: await unreadyPlacements(ctx, round.id, round.training_before_start),
  };
}

const settingSchema = z.object({ required: z.enum(["yes", "no"], { error: "errors.chooseOne" }) });

/** Turns "supervisors complete the training before the placement starts" on or off for the round. */
export async function setTrainingRequirement(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(settingSchema, raw);
  const round = await findRound(ctx, roundId);
  const next = input.required === "yes";
  if (next === round.training_before_start) return;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("rounds").set({ training_before_start: next }).where("id", "=", round.id).execute();
    await writeAudit(trx, who, {
      action: "training.requirement.set",
      entityType: "round",
      entityId: round.id,
      before: { trainingBeforeStart: round.training_before_start },
      after: { trainingBeforeStart: next },
    });
  });
}

const sessionSchema = z.object({ kind: z.enum(TRAINING_SESSION_KINDS, { error: "errors.chooseOne" }), ...scheduleFields }).superRefine(checkWhere);

/** Schedules a kick-off or follow-up session of the round: when (Japan time), and a place, an online link or both. */
export async function scheduleTrainingSession(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ id: string }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(sessionSchema, raw);
  const round = await findRound(ctx, roundId);
  const id = crypto.randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("host_trainings")
      .values({
        id,
        round_id: round.id,
        kind: input.kind,
        held_at: input.startsAt,
        place: input.place,
        online_url: input.onlineUrl,
        created_by: who.userId,
        created_at: ctx.clock(),
      })
      .execute();
    await writeAudit(trx, who, {
      action: "training.session.schedule",
      entityType: "round",
      entityId: round.id,
      after: { session: id, kind: input.kind, startsAt: input.startsAt.toISOString(), place: input.place, onlineUrl: input.onlineUrl },
    });
  });
  return { id };
}

const attendanceSchema = z.object({ sessionId: requiredText(64), attendees: stringList });

/**
 * Records who attended a session: the checked host members of the round
 * attended, the others did not (the form shows everyone, so the list replaces
 * the previous one). Someone who is not a host member of the round is refused.
 */
export async function recordTrainingAttendance(ctx: ServiceContext, actor: Actor | null, roundId: string, raw: unknown): Promise<{ attended: number }> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(attendanceSchema, raw);
  const round = await findRound(ctx, roundId);
  const session = await ctx.db
    .selectFrom("host_trainings")
    .select(["id", "kind"])
    .where("id", "=", input.sessionId)
    .where("round_id", "=", round.id)
    .executeTakeFirst();
  if (!session) throw new NotFoundError("training_session");
  const members = new Set((await roundMembers(ctx, round.id)).map((m) => m.id));
  const attendees = [...new Set(input.attendees)];
  const strangers = attendees.filter((id) => !members.has(id));
  if (strangers.length > 0) throw new RefusedError("hostTraining.refusals", [{ code: "not_a_member" }]);
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await trx.selectFrom("host_training_completions").select("user_id").where("training_id", "=", session.id).execute()).map((r) => r.user_id);
    await trx.deleteFrom("host_training_completions").where("training_id", "=", session.id).execute();
    if (attendees.length > 0) {
      await trx
        .insertInto("host_training_completions")
        .values(attendees.map((user_id) => ({ training_id: session.id, user_id, completed_at: now, recorded_by: who.userId })))
        .execute();
    }
    await writeAudit(trx, who, {
      action: "training.attendance.record",
      entityType: "round",
      entityId: round.id,
      before: { session: session.id, attendees: before.sort() },
      after: { session: session.id, kind: session.kind, attendees: [...attendees].sort() },
    });
  });
  return { attended: attendees.length };
}
