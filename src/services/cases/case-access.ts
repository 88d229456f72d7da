/**
 * Who may touch which case study, checked by every case use case: a host
 * member only their own organization's cases (another host's case is a 403,
 * as issue 18 asks), an operator any case. Also the shared writes: a new
 * revision and the case's current content in one step.
 */
import type { Kysely, Selectable } from "kysely";
import type { CaseStudiesTable, Database } from "../../db/schema.ts";
import { type CaseContent, readContent } from "../../domain/cases/content.ts";
import { changedFields } from "../../domain/cases/diff.ts";
import { authorize } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { ForbiddenError, NotFoundError, RefusedError } from "../errors.ts";
import { findMembership } from "../hosts/membership.ts";

export type CaseRow = Selectable<CaseStudiesTable>;

export interface CaseEditor {
  actor: Actor;
  /** "host": a member of the case's organization; "operator": program staff. */
  side: "host" | "operator";
}

/** The case, locked for the transaction, or NotFoundError. */
export async function lockCase(trx: Kysely<Database>, id: string): Promise<CaseRow> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFoundError("case_study");
  const row = await trx.selectFrom("case_studies").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError("case_study");
  return row;
}

/** A host member of the case's organization, or an operator; anyone else is refused (403). */
export async function editorOf(db: Kysely<Database>, actor: Actor | null, row: Pick<CaseRow, "organization_id">): Promise<CaseEditor> {
  if (actor?.role === "host") {
    const who = authorize(actor, "case.draft");
    const m = await findMembership(db, who.userId);
    if (!m || m.organizationId !== row.organization_id) throw new ForbiddenError("case.draft");
    return { actor: who, side: "host" };
  }
  return { actor: authorize(actor, "case.edit"), side: "operator" };
}

/** Readers: the editors above, and the ministry (read only). */
export async function readerOf(db: Kysely<Database>, actor: Actor | null, row: Pick<CaseRow, "organization_id">): Promise<CaseEditor & { canEdit: boolean }> {
  if (actor?.role === "ministry") return { actor: authorize(actor, "case.read"), side: "operator", canEdit: false };
  return { ...(await editorOf(db, actor, row)), canEdit: true };
}

/** Refuses a save based on an older revision than the current one (someone else saved meanwhile). */
export function checkBaseRevision(row: CaseRow, baseRevision: unknown): void {
  const base = Number(baseRevision);
  if (baseRevision !== undefined && baseRevision !== "" && Number.isInteger(base) && base !== row.revision) {
    throw new RefusedError("casesStaff.refusals", [{ code: "changed_meanwhile", revision: row.revision }]);
  }
}

/**
 * Makes `content` the case's current text as a new revision (who, when,
 * which fields changed). Returns the changed fields; nothing is written when
 * nothing changed.
 */
export async function writeRevision(
  trx: Kysely<Database>,
  who: Actor,
  row: CaseRow,
  content: CaseContent,
  now: Date,
  opts: { restoredFrom?: number; force?: boolean } = {},
): Promise<{ revision: number; changed: string[] }> {
  const changed = changedFields(readContent(row.content), content);
  if (changed.length === 0 && !opts.force) return { revision: row.revision, changed };
  const revision = row.revision + 1;
  await trx
    .insertInto("case_study_revisions")
    .values({
      case_id: row.id,
      number: revision,
      content: JSON.stringify(content),
      author_user_id: who.userId,
      author_role: who.role,
      note: changed.join(", ").slice(0, 2000),
      restored_from: opts.restoredFrom ?? null,
      created_at: now,
    })
    .execute();
  await trx
    .updateTable("case_studies")
    .set({ content: JSON.stringify(content), revision, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  return { revision, changed };
}

/** E-mail addresses of the members of an organization (to tell them about their case). */
export async function memberEmails(trx: Kysely<Database>, organizationId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("host_memberships")
    .innerJoin("user", "user.id", "host_memberships.user_id")
    .select("user.email")
    .where("host_memberships.organization_id", "=", organizationId)
    .execute();
  return rows.map((r) => r.email);
}

/** Adds an entry to the case's conversation (comments and the workflow's steps). */
export async function addCaseEvent(
  trx: Kysely<Database>,
  who: Actor,
  row: Pick<CaseRow, "id" | "revision">,
  kind: "comment" | "submitted" | "returned" | "approved" | "published" | "withdrawn",
  body: string,
  now: Date,
): Promise<void> {
  await trx
    .insertInto("case_study_comments")
    .values({
      id: crypto.randomUUID(),
      case_id: row.id,
      author_user_id: who.userId,
      author_role: who.role,
      kind,
      body,
      revision: row.revision,
      created_at: now,
    })
    .execute();
}
