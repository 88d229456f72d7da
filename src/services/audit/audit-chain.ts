/**
 * The audit log's hash chain (issue 11 item 11, ADR 0026). Each entry carries
 * the hash of the entry before it (`prev_hash`) and its own `hash` over that,
 * its instant, role, action, entity and the hashes of its personal values
 * (`field_hashes`: actor, before, after, IP, each hashed on its own). Changing,
 * inserting, reordering or deleting an entry breaks the chain at that entry;
 * erasing a personal value (setting it to null, as deleting an account does,
 * or as the database does to `actor_user_id` when a user is deleted) keeps the
 * chain and is reported as an erasure. Entries are chained at their commit,
 * serialized on the one row of `audit_chain_head` (a row lock taken by the
 * deferred trigger of migration 0040 on PostgreSQL; PGlite runs one
 * transaction at a time), so concurrent writers never fork the chain.
 */
import { createHash } from "node:crypto";

/** The prev_hash of the first chained entry. */
export const GENESIS_HASH = "0".repeat(64);

/** The personal values of an entry, each hashed on its own so that it can be erased without breaking the chain. */
export const PERSONAL_FIELDS = ["actor_user_id", "before", "after", "ip"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export interface ChainedFields {
  at: Date;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_user_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  /**
   * A random salt hashed with the IP address (migration 0023, ADR 0031), erased together with it:
   * the digest left in the chain then cannot be matched against every IPv4 address. Entries written
   * before 0023 have none (their IP digest is unsalted).
   */
  ip_salt?: string | null;
}

/** JSON with object keys sorted at every depth: the same value always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A stored jsonb value as the database gives it back (text in some drivers), or the value itself. */
function jsonValue(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The hash of each personal value that is present (null values have none). */
export function fieldHashes(entry: Pick<ChainedFields, PersonalField | "ip_salt">): Partial<Record<PersonalField, string>> {
  const out: Partial<Record<PersonalField, string>> = {};
  for (const f of PERSONAL_FIELDS) {
    let v = f === "before" || f === "after" ? jsonValue(entry[f]) : entry[f];
    if (f === "ip" && v !== null && v !== undefined && entry.ip_salt) v = { ip: v, salt: entry.ip_salt };
    if (v !== null && v !== undefined) out[f] = sha256(canonicalJson(v));
  }
  return out;
}

/**
 * The text an entry's hash is taken over, around the previous entry's hash: the hash is
 * sha256(before + prevHash + after). Split so that the database can put the chain head's hash in
 * while it holds the head (write-audit.ts; issue #20 item 2, ADR 0049); `entryHash` uses the same
 * split, so both always hash the same text.
 */
export function entryHashText(entry: Omit<ChainedFields, PersonalField>, hashes: Partial<Record<PersonalField, string>>): { before: string; after: string } {
  const text = canonicalJson({
    prev: "",
    at: entry.at.toISOString(),
    role: entry.actor_role,
    action: entry.action,
    entity: [entry.entity_type, entry.entity_id],
    fields: hashes,
  });
  // Keys are sorted (…, "fields", "prev", "role"), and a quote inside any string value is escaped,
  // so this unescaped key with its empty value occurs once, where the hash goes.
  const slot = text.lastIndexOf(',"prev":""') + ',"prev":"'.length;
  return { before: text.slice(0, slot), after: text.slice(slot) };
}

export function entryHash(prevHash: string, entry: Omit<ChainedFields, PersonalField>, hashes: Partial<Record<PersonalField, string>>): string {
  const { before, after } = entryHashText(entry, hashes);
  return sha256(before + JSON.stringify(prevHash).slice(1, -1) + after);
}

export interface StoredEntry extends ChainedFields {
  id: string | number | bigint;
  prev_hash: string | null;
  hash: string | null;
  field_hashes: unknown;
}

export type LinkCheck = { ok: true; erased: PersonalField[] } | { ok: false; reason: string };

/** Checks one entry against the hash of the entry before it. */
export function checkLink(prevHash: string, e: StoredEntry): LinkCheck {
  if (!e.hash || !e.prev_hash) return { ok: false, reason: "not chained (no hash)" };
  if (e.prev_hash !== prevHash) return { ok: false, reason: "does not follow the entry before it (an entry was removed, inserted or reordered)" };
  const stored = (jsonValue(e.field_hashes) ?? {}) as Partial<Record<PersonalField, string>>;
  if (entryHash(prevHash, e, stored) !== e.hash) return { ok: false, reason: "its time, role, action or entity was changed" };
  const now = fieldHashes(e);
  const erased: PersonalField[] = [];
  for (const f of PERSONAL_FIELDS) {
    if (now[f] === stored[f]) continue;
    if (now[f] === undefined) erased.push(f);
    else return { ok: false, reason: `its ${f} was changed` };
  }
  return { ok: true, erased };
}
