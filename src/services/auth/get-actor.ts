/**
 * Who is calling: the signed-in user of this request (from the session
 * cookie), or null. Applies the session rules of session-policy.ts: a staff
 * session idle for 30 minutes is ended here, and whether the password was
 * entered recently (for sensitive actions) is read here.
 */
import { isStaffRole, isUserRole } from "../../domain/roles.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { REAUTH_WINDOW_MS, STAFF_IDLE_MS, TOUCH_EVERY_MS } from "./session-policy.ts";

export async function getActor(ctx: ServiceContext, headers: Headers, ip: string | null): Promise<Actor | null> {
  const session = await ctx.auth.api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string | null; locale?: string | null; timeZone?: string | null };
  const role = isUserRole(u.role) ? u.role : "applicant";
  const now = ctx.clock().getTime();
  const activity = await ctx.db.selectFrom("session").select(["last_seen_at", "reauthenticated_at"]).where("id", "=", session.session.id).executeTakeFirst();
  if (!activity) return null;
  if (isStaffRole(role)) {
    const lastSeen = activity.last_seen_at?.getTime() ?? null;
    if (lastSeen !== null && now - lastSeen > STAFF_IDLE_MS) {
      await ctx.db.deleteFrom("session").where("id", "=", session.session.id).execute();
      return null;
    }
    if (lastSeen === null || now - lastSeen >= TOUCH_EVERY_MS) {
      await ctx.db
        .updateTable("session")
        .set({ last_seen_at: new Date(now) })
        .where("id", "=", session.session.id)
        .execute();
    }
  }
  const reauthenticated = activity.reauthenticated_at?.getTime() ?? null;
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    role,
    locale: u.locale ?? "en",
    timeZone: u.timeZone ?? null,
    twoFactorEnabled: u.twoFactorEnabled === true,
    recentlyAuthenticated: reauthenticated !== null && now - reauthenticated >= 0 && now - reauthenticated <= REAUTH_WINDOW_MS,
    ip,
  };
}
