/**
 * Applicant journey (issue 5): prior participation answer, receipt numbers
 * from a sequence (unique, never reused, gap-tolerant), one education and one
 * employment entry per application, and the eligibility overrides' rule names.
 */
import type { Kysely } from "kysely";
import { runSql } from "./run-sql.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table applications add column prior_participant boolean;
-- Unmet eligibility rules after overrides, recomputed on every change (for filtering 100k+ rows).
alter table applications add column eligibility_unmet text[] not null default '{nationality,age,language,document,consent_purpose,consent_privacy}';
create sequence application_receipt_seq start with 100001;
create unique index application_education_one_per_application on application_education (application_id);
create unique index application_employment_one_per_application on application_employment (application_id);
create unique index application_languages_one_per_kind on application_languages (application_id, kind);
alter table eligibility_overrides add constraint eligibility_overrides_rule_check check (rule in ('nationality','age','language','document','residence','prior_participation','consent_purpose','consent_privacy'));
create index application_documents_application_idx on application_documents (application_id);
`,
  );
}
