/**
 * Secret links (invitations, a session registration's cancel link): a random
 * token goes into the link, only its SHA-256 hash is stored, so the database
 * alone never lets anyone follow a link.
 */
import { createHash, randomBytes } from "node:crypto";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new link token (32 random bytes, base64url) and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
