/** Who is calling: the signed-in user of this request (from the session cookie), or null. */
import { isUserRole } from "../../domain/roles.ts";
import type { Actor, ServiceContext } from "../context.ts";

export async function getActor(ctx: ServiceContext, headers: Headers, ip: string | null): Promise<Actor | null> {
  const session = await ctx.auth.api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string | null; locale?: string | null; timeZone?: string | null };
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    role: isUserRole(u.role) ? u.role : "applicant",
    locale: u.locale ?? "en",
    timeZone: u.timeZone ?? null,
    twoFactorEnabled: u.twoFactorEnabled === true,
    ip,
  };
}
