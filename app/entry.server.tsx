import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToPipeableStream } from "react-dom/server";
import { type EntryContext, ServerRouter } from "react-router";
import { startRetentionJob } from "#src/jobs/apply-retention.ts";
import { startEmbeddedVacuumJob } from "#src/jobs/embedded-vacuum.ts";
import { startDailyReportReminderJob } from "#src/jobs/daily-report-reminders.ts";
import { startEmailJob } from "#src/jobs/deliver-emails.ts";
import { startOutcomeJob } from "#src/jobs/outcome-requests.ts";
import { startScanJob } from "#src/jobs/scan-uploads.ts";
import { startReminderJob } from "#src/jobs/send-due-reminders.ts";
import { startScreeningReminderJob } from "#src/jobs/screening-reminders.ts";
import { startSelectionJobs } from "#src/jobs/selection-jobs.ts";
import { type PageHit, publicPageHit } from "./lib/page-cache.server.ts";
import { getRuntime } from "./lib/runtime.server.ts";

export const streamTimeout = 5_000;

/**
 * Opens the database and auth before the server listens, so a bad
 * DATABASE_URL or an unwritable data folder stops start-up with one line.
 * server.js calls it through build.entry.module.
 */
export async function startRuntime(): Promise<void> {
  const rt = await getRuntime();
  // ADR 0028: without a scanner, uploads are served as "not scanned" — said once, loudly, at start-up.
  if (rt.scanner) console.log(`jip: uploaded documents and slides are checked for malware by clamd at ${rt.scanner.describe}`);
  else console.warn("jip: warning: CLAMD_SOCKET / CLAMD_HOST not set: uploaded documents and slides are NOT scanned for malware (marked 'not scanned')");
  if (process.env.JIP_JOBS === "off") return;
  // Background jobs of the server process: information-session reminders every 5 seconds (ADR 0010),
  // and the e-mail queue every second (ADR 0008: requests only queue e-mails).
  startReminderJob(rt);
  startEmailJob(rt);
  // Uploads waiting for their malware check (application documents, presentation slides), every second (ADR 0028).
  if (rt.scanner) startScanJob(rt);
  startSelectionJobs(rt); // interview reminders and lapsed waiting-list offers (ADR 0033)
  startScreeningReminderJob(rt); // reviewers with open reads, once when the screening deadline is 3 days away (ADR 0036)
  startRetentionJob(rt); // issue 19 item 7: personal data past its retention period, hourly
  startDailyReportReminderJob(rt); // late daily reports: each intern reminded once per missing day, hourly (ADR 0040)
  startOutcomeJob(rt); // issue 16: hosts asked for outcomes 6 and 12 months after a placement, hourly (ADR 0039)
  startEmbeddedVacuumJob(rt); // PGlite has no autovacuum: vacuum (analyze) hourly after writes (issue #20 item 3)
}

/** A kept anonymous public page for a raw GET, or null: server.js's bare node:http fast path asks before Express (plain strings in, headers and precompressed bodies out). */
export async function publicPageHitFor(request: Parameters<typeof publicPageHit>[1]): Promise<PageHit | null> {
  return publicPageHit(await getRuntime(), request);
}

/** Pages carry no inline script (they do not hydrate: ADR 0003), so the policy can forbid it. */
const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) responseHeaders.set(k, v);
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  // Whole documents only: without client JavaScript there is nothing to stream into.
  return new Promise((resolve, reject) => {
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} />, {
      onAllReady() {
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
  });
}

/** Links that carry a secret in their path (invitations, cancel links, reset links): the log shows the page, not the token. */
export function redactedPath(pathname: string): string {
  return pathname.replace(/\/(staff-invitation|host\/invitation|sessions\/cancel|reset-password)\/[^/]+/g, "/$1/[token]");
}

/** Unexpected errors in loaders and actions: logged with their stack (the user sees the localized 500 page). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(`${request.method} ${redactedPath(new URL(request.url).pathname)}:`, error);
}
