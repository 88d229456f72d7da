import { readContent } from "../../domain/cases/content.ts";
import { type FieldChange, diffContent } from "../../domain/cases/diff.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type Page, type PageRequest, pageOf } from "../paging.ts";
import { readerOf } from "./case-access.ts";

export interface RevisionRow {
  number: number;
  authorName: string | null;
  authorRole: string;
  at: Date;
  changed: string[];
  restoredFrom: number | null;
  published: boolean;
}

async function caseHead(ctx: ServiceContext, actor: Actor | null, caseId: string) {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) throw new NotFoundError("case_study");
  const row = await ctx.db
    .selectFrom("case_studies")
    .select(["id", "number", "organization_id", "revision", "published_revision", "content"])
    .where("id", "=", caseId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("case_study");
  const reader = await readerOf(ctx.db, actor, row);
  return { row, reader };
}

/** A case's revisions, newest first: who, when, which fields changed, which one the public sees. */
export async function listCaseRevisions(
  ctx: ServiceContext,
  actor: Actor | null,
  caseId: string,
  page: PageRequest,
): Promise<{ case: { id: string; number: number; title: string; revision: number; canRestore: boolean }; revisions: Page<RevisionRow> }> {
  const { row, reader } = await caseHead(ctx, actor, caseId);
  const [rows, { n }] = await Promise.all([
    ctx.db
      .selectFrom("case_study_revisions as r")
      .leftJoin("user", "user.id", "r.author_user_id")
      .select(["r.number", "r.author_role", "r.created_at", "r.note", "r.restored_from", "user.name"])
      .where("r.case_id", "=", row.id)
      .orderBy("r.number", "desc")
      .limit(page.size)
      .offset((page.page - 1) * page.size)
      .execute(),
    ctx.db
      .selectFrom("case_study_revisions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("case_id", "=", row.id)
      .executeTakeFirstOrThrow(),
  ]);
  const content = readContent(row.content);
  return {
    case: {
      id: row.id,
      number: row.number,
      title: content.ja.title || content.en.title,
      revision: row.revision,
      canRestore: reader.side === "operator" && reader.canEdit,
    },
    revisions: pageOf(
      rows.map((r) => ({
        number: r.number,
        authorName: r.name,
        authorRole: r.author_role,
        at: r.created_at,
        changed: r.note && r.note !== "created" ? r.note.split(", ") : [],
        restoredFrom: r.restored_from,
        published: r.number === row.published_revision,
      })),
      Number(n),
      page,
    ),
  };
}

/** What changed from one revision to another (by default: the given one against the one before it). */
export async function getCaseRevisionDiff(
  ctx: ServiceContext,
  actor: Actor | null,
  caseId: string,
  input: { to: unknown; from?: unknown },
): Promise<{ case: { id: string; number: number; title: string; revision: number; canRestore: boolean }; from: number; to: number; changes: FieldChange[] }> {
  const { row, reader } = await caseHead(ctx, actor, caseId);
  const to = Number(input.to);
  const from = input.from === undefined || input.from === null || input.from === "" ? to - 1 : Number(input.from);
  if (!Number.isInteger(to) || !Number.isInteger(from) || to < 1 || to > row.revision || from < 0 || from > row.revision)
    throw new NotFoundError("case_study_revision");
  const revisions = await ctx.db
    .selectFrom("case_study_revisions")
    .select(["number", "content"])
    .where("case_id", "=", row.id)
    .where(
      "number",
      "in",
      [from, to].filter((n) => n >= 1),
    )
    .execute();
  const byNumber = new Map(revisions.map((r) => [r.number, readContent(r.content)]));
  const after = byNumber.get(to);
  if (!after) throw new NotFoundError("case_study_revision");
  const before = from === 0 ? readContent({ theme: after.theme }) : byNumber.get(from);
  if (!before) throw new NotFoundError("case_study_revision");
  const content = readContent(row.content);
  return {
    case: {
      id: row.id,
      number: row.number,
      title: content.ja.title || content.en.title,
      revision: row.revision,
      canRestore: reader.side === "operator" && reader.canEdit,
    },
    from,
    to,
    changes: diffContent(before, after),
  };
}
