/**
 * The retention job (issue 19 item 7, ADR 0031): erases personal data whose retention period has
 * passed (src/services/privacy/apply-retention.ts), hourly in the server process.
 */
import type { ServiceContext } from "../services/context.ts";
import { applyRetention } from "../services/privacy/apply-retention.ts";
import { repeatJob } from "./repeat.ts";

export function startRetentionJob(ctx: ServiceContext, everyMs = 3600_000): () => void {
  return repeatJob("retention job", everyMs, () => applyRetention(ctx));
}
