/**
 * What an anonymous public page depends on, as version numbers (migration 0024,
 * ADR 0032): the page cache keys each render by them, so a change to a round, a
 * session, a case study or a published report makes the next request render
 * anew. Read again only when they may have moved (ADR 0044): a write of this process, a NOTIFY from the
 * version triggers of another, a listener that was down, or a second gone by.
 */
import { sql } from "kysely";
import { type Db, writeGeneration } from "../../db/connect.ts";
import type { ServiceContext } from "../context.ts";

export type PublicContent = "rounds" | "sessions" | "cases" | "statistics";

export type PublicPageVersions = Readonly<Record<PublicContent, string>>;

export async function readPublicPageVersions(ctx: Pick<ServiceContext, "db">): Promise<PublicPageVersions> {
  const rows = await ctx.db
    .selectFrom("public_page_versions")
    .select(["name", sql<string>`version::text`.as("version")])
    .execute();
  const versions: Record<string, string> = { rounds: "0", sessions: "0", cases: "0", statistics: "0" };
  for (const r of rows) versions[r.name] = r.version;
  return versions as PublicPageVersions;
}

/** The database the versions are read from and listened for: a Runtime's, or a bare context's (reads only). */
export type VersionSource = Pick<ServiceContext, "db"> & { database?: Pick<Db, "listen"> };

/**
 * The versions as last read, and whether they can still be trusted without reading again (ADR 0044): only
 * while nothing may have changed them since the read started — no write completed in this process
 * (writeGeneration), no NOTIFY from the version triggers (another process's commit), the listener up the
 * whole time — and for at most a second, should a notification ever go astray.
 */
interface VersionState {
  snapshot: { versions: PublicPageVersions; generation: number; epoch: number; readAt: number } | null;
  /** Moves on every notification and every change of the listener's state. */
  epoch: number;
  listening: boolean;
  readInFlight: Promise<PublicPageVersions> | null;
  readQueued: Promise<PublicPageVersions> | null;
}
export const SNAPSHOT_MAX_AGE_MS = 1_000;
const VERSION_CHANNEL = "jip_public_page_versions";
const states = new WeakMap<object, VersionState>();
let versionReads = 0;
/** How many times the versions were read (tests and the benchmark). */
export function versionReadCount(): number {
  return versionReads;
}

function stateOf(source: VersionSource): VersionState {
  let state = states.get(source.db);
  if (!state) {
    const created: VersionState = { snapshot: null, epoch: 0, listening: false, readInFlight: null, readQueued: null };
    state = created;
    states.set(source.db, created);
    source.database
      ?.listen(VERSION_CHANNEL, {
        notify: () => void created.epoch++,
        state: (up) => {
          created.epoch++;
          created.listening = up;
        },
      })
      .catch(() => {
        // Without a listener every request reads the versions (as before ADR 0044).
      });
  }
  return state;
}

/** The versions without a read, when the last read is known to be current; null otherwise. */
function knownVersions(state: VersionState): PublicPageVersions | null {
  const s = state.snapshot;
  if (!s || !state.listening || s.generation !== writeGeneration() || s.epoch !== state.epoch) return null;
  return performance.now() - s.readAt <= SNAPSHOT_MAX_AGE_MS ? s.versions : null;
}

/**
 * The versions, read by a query that started after the caller asked (single flight, no staleness): a
 * request joins a read only if that read had not started yet, so a change committed before the request
 * arrived — in this process or another — is always seen, while concurrent requests share one read
 * (at most two reads' time of waiting; one read at a time per process).
 */
function versionsReadFromNow(source: VersionSource, state: VersionState): Promise<PublicPageVersions> {
  if (!state.readInFlight) {
    versionReads++;
    const generation = writeGeneration();
    const epoch = state.epoch;
    const readAt = performance.now();
    const read: Promise<PublicPageVersions> = readPublicPageVersions(source)
      .then((versions) => {
        state.snapshot = { versions, generation, epoch, readAt };
        return versions;
      })
      .finally(() => {
        if (state.readInFlight === read) state.readInFlight = null;
      });
    state.readInFlight = read;
    return read;
  }
  if (!state.readQueued) {
    const queued: Promise<PublicPageVersions> = state.readInFlight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        if (state.readQueued === queued) state.readQueued = null;
        return versionsReadFromNow(source, state);
      });
    state.readQueued = queued;
  }
  return state.readQueued;
}

/** Current versions: from memory when nothing can have moved them (ADR 0044), else read from now. */
export function currentPublicPageVersions(source: VersionSource): PublicPageVersions | Promise<PublicPageVersions> {
  const state = stateOf(source);
  return knownVersions(state) ?? versionsReadFromNow(source, state);
}
