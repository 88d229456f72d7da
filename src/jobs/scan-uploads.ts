/**
 * Checks uploaded documents for malware (issue 11 item 10, ADR 0028), as the
 * e-mail queue delivers e-mails (ADR 0008): one run claims pending documents
 * in small batches with one UPDATE … RETURNING over rows picked FOR UPDATE
 * SKIP LOCKED (claim time set, attempts + 1), so two runs or two nodes never
 * scan the same document at once. Each claimed file is streamed to clamd:
 *
 * - clean: the document becomes `clean` and counts toward the application;
 * - infected: it becomes `infected`, the file is deleted once that commits,
 *   the signature is kept for the applicant's message, and the finding is
 *   audited (actor: system);
 * - no verdict (clamd down, timeout, an error reply): it stays `pending` with
 *   the reason and a next attempt after a back-off (5 s doubling, at most
 *   5 minutes). A document is never given up and never served meanwhile.
 *
 * A claim that is never settled (the process died while scanning) expires
 * after the lease and the document is scanned again.
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
  /** How long a claim holds before another run may take the document over. */
  leaseMs?: number;
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export const DEFAULT_SCAN_LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 5;

async function claimBatch(db: Kysely<Database>, now: Date, leaseMs: number, batchSize: number) {
  const expired = new Date(now.getTime() - leaseMs);
  return db
    .updateTable("application_documents")
    .set({ scan_claimed_at: now, scan_attempts: sql`scan_attempts + 1` })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("application_documents")
        .select("id")
        .where("scan_status", "=", "pending")
        .where((w) => w.or([w("scan_claimed_at", "is", null), w("scan_claimed_at", "<", expired)]))
        .where((w) => w.or([w("scan_next_at", "is", null), w("scan_next_at", "<=", now)]))
        .orderBy("uploaded_at")
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "application_id", "storage_key", "kind", "sha256", "scan_attempts"])
    .execute();
}

/** Scans every document due at `now`; returns how many were found clean, infected, and could not be checked this run. */
export async function scanPendingDocuments(
  ctx: ScanContext,
  now: Date = ctx.clock(),
  options: ScanOptions = {},
): Promise<{ clean: number; infected: number; failed: number }> {
  const result = { clean: 0, infected: 0, failed: 0 };
  const scanner = ctx.scanner;
  if (!scanner) return result;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  for (;;) {
    const claimed = await claimBatch(ctx.db, now, options.leaseMs ?? DEFAULT_SCAN_LEASE_MS, batchSize);
    for (const doc of claimed) {
      // Settle only a claim that is still ours, of a document still pending (the applicant may have removed it).
      const mine = (trx: Kysely<Database>) =>
        trx.updateTable("application_documents").where("id", "=", doc.id).where("scan_claimed_at", "=", now).where("scan_status", "=", "pending");
      let verdict: Awaited<ReturnType<MalwareScanner["scan"]>>;
      try {
        verdict = await scanner.scan(await ctx.files.get(doc.storage_key));
      } catch (err) {
        result.failed++;
        const reason = (err instanceof Error ? err.message : String(err)).slice(0, 500) || "unknown error";
        console.error(`malware scan of document ${doc.id} failed on attempt ${doc.scan_attempts}: ${reason}`);
        const next = new Date(now.getTime() + scanRetryDelayMs(doc.scan_attempts, options.baseDelayMs, options.maxDelayMs));
        await mine(ctx.db).set({ scan_claimed_at: null, scan_next_at: next, scan_finding: reason }).execute();
        continue;
      }
      if (verdict.kind === "clean") {
        const settled = await ctx.db.transaction().execute(async (trx) => {
          const rows = await mine(trx)
            .set({ scan_status: "clean", scanned_at: ctx.clock(), scan_claimed_at: null, scan_next_at: null, scan_finding: null })
            .returning("id")
            .execute();
          if (rows.length > 0) await refreshEligibility(trx, doc.application_id);
          return rows.length > 0;
        });
        if (settled) result.clean++;
        continue;
      }
      const settled = await ctx.db.transaction().execute(async (trx) => {
        const rows = await mine(trx)
          .set({ scan_status: "infected", scanned_at: ctx.clock(), scan_claimed_at: null, scan_next_at: null, scan_finding: verdict.signature })
          .returning("id")
          .execute();
        if (rows.length === 0) return false;
        await refreshEligibility(trx, doc.application_id);
        await writeAudit(trx, null, {
          action: "application.document_infected",
          entityType: "application",
          entityId: doc.application_id,
          after: { document: doc.id, kind: doc.kind, signature: verdict.signature, sha256: doc.sha256, scanner: scanner.describe },
        });
        return true;
      });
      if (settled) {
        result.infected++;
        console.warn(`malware scan: document ${doc.id} is infected (${verdict.signature}); its file was deleted`);
        await ctx.files.remove(doc.storage_key);
      }
    }
    if (claimed.length < batchSize) return result;
  }
}

/** Runs the scan job every second in the server process; returns a stop function. */
export function startScanJob(ctx: ScanContext, everyMs = 1_000): () => void {
  return repeatJob("malware scan job", everyMs, () => scanPendingDocuments(ctx));
}
