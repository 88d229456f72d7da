import type { ServiceContext } from "../context.ts";
import { openInvitation } from "./host-invitation.ts";

export interface OpenHostInvitation {
  email: string;
  orgRole: "admin" | "member";
  organizationName: string;
  /** The address already has a (host) account: the invitee signs in and joins. */
  hasAccount: boolean;
}

export async function findOpenHostInvitation(ctx: ServiceContext, token: string): Promise<OpenHostInvitation> {
  const { inv, user } = await openInvitation(ctx, token);
  return { email: inv.email, orgRole: inv.org_role as "admin" | "member", organizationName: inv.name_ja, hasAccount: Boolean(user) };
}
