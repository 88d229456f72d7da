/**
 * The outcome job (issue 16 item 5, ADR 0039): asks hosts for a completed
 * placement's outcome on the day its 6- or 12-month milestone opens
 * (src/services/internship/send-outcome-requests.ts), hourly in the server
 * process. Safe to run twice, or in two processes at once: each milestone's
 * e-mail is claimed by its outcome_followups row. Then the one reminder of a
 * milestone still unanswered 14 days after its request (send-outcome-reminders.ts).
 */
import type { ServiceContext } from "../services/context.ts";
import { sendOutcomeReminders } from "../services/internship/send-outcome-reminders.ts";
import { sendOutcomeRequests } from "../services/internship/send-outcome-requests.ts";
import { repeatJob } from "./repeat.ts";

export function startOutcomeJob(ctx: ServiceContext, everyMs = 3600_000): () => void {
  return repeatJob("outcome job", everyMs, async () => {
    await sendOutcomeRequests(ctx);
    await sendOutcomeReminders(ctx);
  });
}
