/**
 * Checks uploaded files for malware (issue 11 item 10, ADR 0028): application
 * documents and final-presentation slides (ADR 0038), as the e-mail queue
 * delivers e-mails (ADR 0008). One run claims pending uploads of each table in
 * small batches with one UPDATE … RETURNING over rows picked FOR UPDATE SKIP
 * LOCKED (claim time set, attempts + 1), so two runs or two nodes never scan
 * the same file at once. Each claimed file is streamed to clamd:
 *
 * - clean: the upload becomes `clean` and is served (a document counts toward
 *   the application);
 * - infected: it becomes `infected`, the file is deleted once that commits,
 *   the signature is kept for the uploader's message, and the finding is
 *   audited (actor: system);
 * - no verdict (clamd down, timeout, an error reply): it stays `pending` with
 *   the reason and a next attempt after a back-off (5 s doubling, at most
 *   5 minutes). An upload is never given up and never served meanwhile.
 *
 * A claim that is never settled (the process died while scanning) expires
 * after the lease and the file is scanned again. A verdict is written only if
 * the claim is still the run's own and the upload still pending (the applicant
 * may have removed the document, the intern replaced the slides).
 *
 * The loop is shared; each table is a `ScanTarget`: how to claim a batch, how
 * to settle one claim, and what else its verdict changes in the same
 * transaction (eligibility, the audit entry).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { scanRetryDelayMs } from "../domain/malware/clamd-protocol.ts";
import { refreshEligibility } from "../services/applications/application-record.ts";
import { writeAudit } from "../services/audit/write-audit.ts";
import type { MalwareScanner } from "../services/malware/clamd-scanner.ts";
import type { FileStorage } from "../storage/file-storage.ts";
import { repeatJob } from "./repeat.ts";

export interface ScanContext {
  db: Kysely<Database>;
  files: FileStorage;
  scanner?: MalwareScanner | null;
  clock: () => Date;
}

export interface ScanOptions {
  /** How long a claim holds before another run may take the upload over. */
  leaseMs?: number;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ScanCounts {
  clean: number;
  infected: number;
  failed: number;
}

export const DEFAULT_SCAN_LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 5;

/** What every claimed upload carries: its row id, its file, and which attempt this is. */
interface Claimed {
  id: string;
  storage_key: string;
  scan_attempts: number;
}

/** The scan columns a settlement writes (the same names on every scanned table). */
interface Settlement {
  scan_status?: "clean" | "infected";
  scanned_at?: Date;
  scan_claimed_at: null;
  scan_next_at: Date | null;
  scan_finding: string | null;
}

/** The tables of uploads the job scans: both carry the same scan columns (migrations 0020 and 0039). */
type ScannedTable = "application_documents" | "presentation_slides";

/**
 * Claims up to `batchSize` pending uploads of `table` due at `now` (unclaimed, or claimed before `expired`) with
 * claim time `now`, attempts + 1. (Typed through one of the tables: the columns it names are the same in both.)
 */
async function claimPending<T extends Claimed>(db: Kysely<Database>, table: ScannedTable, now: Date, expired: Date, batchSize: number): Promise<T[]> {
  const t = table as "application_documents";
  const rows = await db
    .updateTable(t)
    .set({ scan_claimed_at: now, scan_attempts: sql`scan_attempts + 1` })
    .where("id", "in", (eb) =>
      eb
        .selectFrom(t)
        .select("id")
        .where("scan_status", "=", "pending")
        .where((w) => w.or([w("scan_claimed_at", "is", null), w("scan_claimed_at", "<", expired)]))
        .where((w) => w.or([w("scan_next_at", "is", null), w("scan_next_at", "<=", now)]))
        .orderBy("uploaded_at")
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
  return rows as unknown as T[];
}

/** Writes `set` only if the claim made at `claimedAt` is still on the row and it is still pending; true when it did. */
async function settleClaim(db: Kysely<Database>, table: ScannedTable, id: string, claimedAt: Date, set: Settlement): Promise<boolean> {
  const rows = await db
    .updateTable(table as "application_documents")
    .set(set)
    .where("id", "=", id)
    .where("scan_claimed_at", "=", claimedAt)
    .where("scan_status", "=", "pending")
    .returning("id")
    .execute();
  return rows.length > 0;
}

/** One table of uploads the job scans, and what else its verdicts change. */
interface ScanTarget<T extends Claimed> {
  /** In log lines: "document 1234…". */
  noun: string;
  table: ScannedTable;
  /** In the settling transaction, after a clean verdict was written. */
  onClean(trx: Kysely<Database>, item: T): Promise<void>;
  /** In the settling transaction, after an infected verdict was written: the audit entry (and anything else it changes). */
  onInfected(trx: Kysely<Database>, item: T, signature: string, scanner: MalwareScanner): Promise<void>;
}

const documents: ScanTarget<Claimed & { application_id: string; kind: string; sha256: string }> = {
  noun: "document",
  table: "application_documents",
  onClean: async (trx, doc) => {
    await refreshEligibility(trx, doc.application_id);
  },
  onInfected: async (trx, doc, signature, scanner) => {
    await refreshEligibility(trx, doc.application_id);
    await writeAudit(trx, null, {
      action: "application.document_infected",
      entityType: "application",
      entityId: doc.application_id,
      after: { document: doc.id, kind: doc.kind, signature, sha256: doc.sha256, scanner: scanner.describe },
    });
  },
};

/**
 * Slides are keyed by placement (one per placement, a new upload overwrites the row); their `id` changes with each
 * upload, so settling by `id` never writes a verdict about replaced slides onto their replacement.
 */
const slides: ScanTarget<Claimed & { placement_id: string; sha256: string }> = {
  noun: "presentation slides",
  table: "presentation_slides",
  onClean: async () => {},
  onInfected: async (trx, s, signature, scanner) => {
    await writeAudit(trx, null, {
      action: "presentation.slides_infected",
      entityType: "placement",
      entityId: s.placement_id,
      after: { slides: s.id, signature, sha256: s.sha256, scanner: scanner.describe },
    });
  },
};

/** Scans every upload of one table due at `now`, adding to `result`. */
async function scanTarget<T extends Claimed>(
  ctx: ScanContext,
  scanner: MalwareScanner,
  target: ScanTarget<T>,
  now: Date,
  options: ScanOptions,
  result: ScanCounts,
): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const expired = new Date(now.getTime() - (options.leaseMs ?? DEFAULT_SCAN_LEASE_MS));
  for (;;) {
    const claimed = await claimPending<T>(ctx.db, target.table, now, expired, batchSize);
    for (const item of claimed) {
      let verdict: Awaited<ReturnType<MalwareScanner["scan"]>>;
      try {
        verdict = await scanner.scan(await ctx.files.get(item.storage_key));
      } catch (err) {
        result.failed++;
        const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500) || "unknown error";
        console.error(`malware scan of ${target.noun} ${item.id} failed on attempt ${item.scan_attempts}: ${reason}`);
        const next = new Date(now.getTime() + scanRetryDelayMs(item.scan_attempts, options.baseDelayMs, options.maxDelayMs));
        await settleClaim(ctx.db, target.table, item.id, now, { scan_claimed_at: null, scan_next_at: next, scan_finding: reason });
        continue;
      }
      if (verdict.kind === "clean") {
        const settled = await ctx.db.transaction().execute(async (trx) => {
          const done = await settleClaim(trx, target.table, item.id, now, {
            scan_status: "clean",
            scanned_at: ctx.clock(),
            scan_claimed_at: null,
            scan_next_at: null,
            scan_finding: null,
          });
          if (done) await target.onClean(trx, item);
          return done;
        });
        if (settled) result.clean++;
        continue;
      }
      const signature = verdict.signature;
      const settled = await ctx.db.transaction().execute(async (trx) => {
        const done = await settleClaim(trx, target.table, item.id, now, {
          scan_status: "infected",
          scanned_at: ctx.clock(),
          scan_claimed_at: null,
          scan_next_at: null,
          scan_finding: signature,
        });
        if (done) await target.onInfected(trx, item, signature, scanner);
        return done;
      });
      if (settled) {
        result.infected++;
        console.warn(`malware scan: ${target.noun} ${item.id} is infected (${signature}); its file was deleted`);
        await ctx.files.remove(item.storage_key);
      }
    }
    if (claimed.length < batchSize) return;
  }
}

/**
 * Scans every upload due at `now` — application documents, then presentation slides; returns how many were found
 * clean, infected, and could not be checked this run (both tables together).
 */
export async function scanPendingUploads(ctx: ScanContext, now: Date = ctx.clock(), options: ScanOptions = {}): Promise<ScanCounts> {
  const result: ScanCounts = { clean: 0, infected: 0, failed: 0 };
  const scanner = ctx.scanner;
  if (!scanner) return result;
  await scanTarget(ctx, scanner, documents, now, options, result);
  await scanTarget(ctx, scanner, slides, now, options, result);
  return result;
}

/** Runs the scan job every second in the server process; returns a stop function. */
export function startScanJob(ctx: ScanContext, everyMs = 1_000): () => void {
  return repeatJob("malware scan job", everyMs, () => scanPendingUploads(ctx));
}
