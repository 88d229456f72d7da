/**
 * Host journey (issue 6): receipt numbers for host applications from their own
 * sequence, and indexes for the operator's screening list and filters.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create sequence host_application_receipt_seq start with 1001;
create index host_applications_round_status_idx on host_applications (round_id, status);
create index host_organizations_prefecture_idx on host_organizations (prefecture_code);
create index host_invitations_organization_idx on host_invitations (organization_id);
create index positions_host_application_idx on positions (host_application_id);
`,
  );
}
