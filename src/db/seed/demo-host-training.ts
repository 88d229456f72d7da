/**
 * Demo data for host training and final presentations (issue 16 items 2 and
 * 6, ADR 0038), on the demo internship round: a kick-off session held before
 * the placements started (the supervisor 青木 attended), a follow-up session
 * online, an operator and a host member of みなと商事 kept for the
 * host-training browser test (it enrols the operator's two-factor secret, so
 * it cannot share another spec's operator; the host member has taken no
 * module yet). Runs after demo-internship.ts.
 */
import { createVerifiedUser } from "../../services/auth/create-verified-user.ts";
import type { ServiceContext } from "../../services/context.ts";
import { tokyoLocalToInstant } from "../../domain/time.ts";
import { DEMO_INTERNSHIP_LOGINS, DEMO_INTERNSHIP_ROUND_ID } from "./demo-internship.ts";

export const DEMO_HOST_TRAINING_LOGINS = {
  operator: "operator-training@demo.jip.example",
  hostMember: "trainee@minato-trading.demo.jip.example",
};

export async function seedDemoHostTraining(ctx: ServiceContext, password: string): Promise<void> {
  const db = ctx.db;
  const operator = await createVerifiedUser(ctx, {
    email: DEMO_HOST_TRAINING_LOGINS.operator,
    name: "森 直子 (Operator)",
    password,
    role: "operator",
    locale: "en",
  });
  const member = await createVerifiedUser(ctx, { email: DEMO_HOST_TRAINING_LOGINS.hostMember, name: "新井 美咲", password, role: "host", locale: "ja" });
  const supervisor = await db
    .selectFrom("user")
    .innerJoin("host_memberships", "host_memberships.user_id", "user.id")
    .select(["user.id", "host_memberships.organization_id"])
    .where("user.email", "=", DEMO_INTERNSHIP_LOGINS.supervisor)
    .executeTakeFirstOrThrow();
  await db.insertInto("host_memberships").values({ organization_id: supervisor.organization_id, user_id: member.id, org_role: "member" }).execute();
  const kickOff = crypto.randomUUID();
  await db
    .insertInto("host_trainings")
    .values([
      {
        id: kickOff,
        round_id: DEMO_INTERNSHIP_ROUND_ID,
        kind: "kick_off",
        held_at: tokyoLocalToInstant("2026-09-28T14:00")!,
        place: "JIP 事務局 会議室A（東京都千代田区）",
        online_url: null,
        created_by: operator.id,
        created_at: new Date("2026-09-01T00:00:00Z"),
      },
      {
        id: crypto.randomUUID(),
        round_id: DEMO_INTERNSHIP_ROUND_ID,
        kind: "follow_up",
        held_at: tokyoLocalToInstant("2026-12-10T10:00")!,
        place: null,
        online_url: "https://meet.example.org/jip-follow-up",
        created_by: operator.id,
        created_at: new Date("2026-09-01T00:00:00Z"),
      },
    ])
    .execute();
  await db
    .insertInto("host_training_completions")
    .values({ training_id: kickOff, user_id: supervisor.id, completed_at: new Date("2026-09-28T07:00:00Z"), recorded_by: operator.id })
    .execute();
}
