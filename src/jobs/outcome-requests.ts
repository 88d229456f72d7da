/**
 * The outcome job (issue 16 item 5, ADR 0039): asks hosts for a completed
 * placement's outcome on the day its 6- or 12-month milestone opens
 * (src/services/internship/send-outcome-requests.ts), hourly in the server
 * process. Safe to run twice, or in two processes at once: each milestone's
 * e-mail is claimed by its outcome_followups row.
 */
import type { ServiceContext } from "../services/context.ts";
import { sendOutcomeRequests } from "../services/internship/send-outcome-requests.ts";
import { repeatJob } from "./repeat.ts";

export function startOutcomeJob(ctx: ServiceContext, everyMs = 3600_000): () => void {
  return repeatJob("outcome job", everyMs, () => sendOutcomeRequests(ctx));
}
