/**
 * The outcome job (issue 16 item 5, ADR 0039): asks hosts for a completed
 * placement's outcome on the day its 6- or 12-month milestone opens
 * (src/services/internship/send-outcome-requests.ts), hourly in the server
 * process. Safe to run twice, or in two processes at once: each milestone's
 * e-mail is claimed by its outcome_followups row. Beside it, hourly too, the one
 * reminder of a milestone still unanswered 14 days after its request
 * (send-outcome-reminders.ts), claimed on the same row.
 */
import type { ServiceContext } from "../services/context.ts";
import { sendOutcomeReminders } from "../services/internship/send-outcome-reminders.ts";
import { sendOutcomeRequests } from "../services/internship/send-outcome-requests.ts";
import { repeatJob } from "./repeat.ts";

export function startOutcomeJob(ctx: ServiceContext, everyMs = 3600_000): () => void {
  // two jobs, so that a failing run of one does not hold the other back
  const stopRequests = repeatJob("outcome job", everyMs, () => sendOutcomeRequests(ctx));
  const stopReminders = repeatJob("outcome reminder job", everyMs, () => sendOutcomeReminders(ctx));
  return () => {
    stopRequests();
    stopReminders();
  };
}
