/**
 * Invitations by e-mail — staff (operator, reviewer, ministry) and members of
 * a host organization are the same mechanism: a single-use link valid for 7
 * days (through its expiry instant) whose token is stored hashed (tokens.ts);
 * it is open until accepted or expired;
 * accepting creates the account when the address has none, marks the
 * invitation accepted only if it still was open, and a second acceptance of
 * the same link (a double submit, two tabs) finds it spent.
 */
import { EmailTakenError } from "./auth/create-verified-user.ts";
import { NotFoundError } from "./errors.ts";
import { newToken } from "./tokens.ts";

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** The token for the link and what to store: its hash and when it expires. */
export function newInvitation(now: Date): { token: string; tokenHash: string; expiresAt: Date } {
  const { token, hash } = newToken();
  return { token, tokenHash: hash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) };
}

/** Whether an invitation can still be accepted: not yet accepted, and valid for exactly 7 days (its expiry instant included). */
export function invitationOpen(invitation: { accepted_at: Date | null; expires_at: Date }, now: Date): boolean {
  return invitation.accepted_at === null && now.getTime() <= invitation.expires_at.getTime();
}

/**
 * For `insertVerifiedUser(...).catch(spentIfTaken(entity))`: someone accepted
 * first and the address now has an account, so for this request the link is spent.
 */
export function spentIfTaken(entity: string): (err: unknown) => never {
  return (err) => {
    throw err instanceof EmailTakenError ? new NotFoundError(entity) : err;
  };
}

/** An invitation whose link no longer works (already accepted by someone else meanwhile): the same "not found" as a wrong link. */
export function requireClaimed(updatedRows: bigint | number, entity: string): void {
  if (Number(updatedRows) !== 1) throw new NotFoundError(entity);
}
