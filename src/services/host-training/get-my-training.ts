/**
 * A host member's training page (issue 16 item 2, ADR 0038): the e-learning
 * modules with the ones they passed, the kick-off and follow-up sessions of
 * their organization's rounds with their attendance, and — for the
 * organization's admin — every member's completion.
 */
import { TRAINING_MODULES, trainingModule } from "../../domain/internship/training.ts";
import { orgRoleManagesMembers } from "../../domain/roles.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { findMembership } from "../hosts/membership.ts";
import { tokyoMinute } from "./training-records.ts";

export interface TrainingSessionView {
  id: string;
  roundNameJa: string;
  roundNameEn: string;
  kind: string;
  /** YYYY-MM-DDTHH:MM, Japan */
  startsAt: string;
  place: string | null;
  onlineUrl: string | null;
}

/** A completion instant as its day in Japan. */
function dayOf(at: Date | undefined): string | null {
  return at ? tokyoMinute(at).slice(0, 10) : null;
}

export async function getMyTraining(ctx: ServiceContext, actor: Actor | null) {
  const who = authorize(actor, "internship.supervise");
  const m = await findMembership(ctx.db, who.userId);
  if (!m) throw new NotFoundError("host_organization");
  const members = await ctx.db
    .selectFrom("host_memberships")
    .innerJoin("user", "user.id", "host_memberships.user_id")
    .select(["user.id", "user.name"])
    .where("host_memberships.organization_id", "=", m.organizationId)
    .orderBy("user.name")
    .execute();
  const memberIds = members.map((x) => x.id);
  const passed = await ctx.db.selectFrom("training_completions").select(["user_id", "module", "completed_at"]).where("user_id", "in", memberIds).execute();
  const sessions = await ctx.db
    .selectFrom("host_trainings")
    .innerJoin("rounds", "rounds.id", "host_trainings.round_id")
    .select([
      "host_trainings.id",
      "host_trainings.kind",
      "host_trainings.held_at",
      "host_trainings.place",
      "host_trainings.online_url",
      "rounds.name_ja",
      "rounds.name_en",
    ])
    .where("host_trainings.held_at", "is not", null)
    .where("host_trainings.round_id", "in", ctx.db.selectFrom("host_applications").select("round_id").where("organization_id", "=", m.organizationId))
    .orderBy("host_trainings.held_at")
    .execute();
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
          .where("user_id", "in", memberIds)
          .execute();
  const kickOffs = new Set(sessions.filter((s) => s.kind === "kick_off").map((s) => s.id));
  const passedBy = (userId: string) => passed.filter((p) => p.user_id === userId && trainingModule(p.module)).map((p) => p.module);
  const attendedBy = (userId: string) => new Set(attendance.filter((a) => a.user_id === userId).map((a) => a.training_id));
  const mine = attendedBy(who.userId);
  return {
    isAdmin: orgRoleManagesMembers(m.orgRole),
    modules: TRAINING_MODULES.map((mod) => ({
      code: mod.code,
      completedAt: dayOf(passed.find((p) => p.user_id === who.userId && p.module === mod.code)?.completed_at),
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      roundNameJa: s.name_ja,
      roundNameEn: s.name_en,
      kind: s.kind,
      startsAt: tokyoMinute(s.held_at!),
      place: s.place,
      onlineUrl: s.online_url,
      attended: mine.has(s.id),
    })),
    // the admin sees every member's completion; a member sees only their own (above)
    members: orgRoleManagesMembers(m.orgRole)
      ? members.map((x) => {
          const a = attendedBy(x.id);
          return {
            userId: x.id,
            name: x.name,
            passed: passedBy(x.id),
            kickOffAttended: [...a].some((id) => kickOffs.has(id)),
            sessionsAttended: a.size,
          };
        })
      : [],
  };
}
