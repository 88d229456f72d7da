/**
 * A host member who offered interview times in matching (ADR 0037) can delete their account (issue 19 item 7; found in
 * review): the slot keeps its time and bookings, and its interviewer becomes unknown. Staff interviewers are managed by
 * the operator and never delete themselves.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table interview_slots alter column interviewer_user_id drop not null;
alter table interview_slots drop constraint interview_slots_interviewer_user_id_fkey;
alter table interview_slots add constraint interview_slots_interviewer_user_id_fkey
  foreign key (interviewer_user_id) references "user"(id) on delete set null
`,
  );
}
