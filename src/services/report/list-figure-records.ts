import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { FIGURE_IDS, type RecordKind } from "../../domain/report/index.ts";
import { authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { resolveReport } from "./resolve-report.ts";
import { tracedImportedRecords } from "../report-import/traced-imported-records.ts";

export const TRACE_PAGE_SIZE = 50;

const inputSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2016).max(2100),
  version: z.coerce.number().int().min(1).optional(),
  figure: z.enum(FIGURE_IDS),
  row: z.string().min(1).max(200),
  /** row: the records counted; base: those the percentage is of; unanswered: asked but did not answer. */
  part: z.enum(["row", "base", "unanswered"]).default("row"),
  page: z.coerce.number().int().min(1).default(1),
});

export interface TracedRecord {
  id: string;
  /** The operator page of the record (an application or a host application). */
  link: { kind: "application" | "hostApplication"; id: string } | null;
  receiptNumber: string | null;
  name: string;
  nationality: string | null;
  status: string | null;
  host: string | null;
  answers: Record<string, string> | null;
}

export interface FigureRecords {
  fiscalYear: number;
  version: number | null;
  figure: (typeof FIGURE_IDS)[number];
  row: string;
  part: "row" | "base" | "unanswered";
  recordKind: RecordKind;
  total: number;
  page: number;
  pages: number;
  items: TracedRecord[];
}

const fullName = (family: string | null, given: string | null) => [family, given].filter(Boolean).join(" ");

async function loadRecords(db: Kysely<Database>, kind: RecordKind, ids: string[], fiscalYear: number): Promise<TracedRecord[]> {
  if (ids.length === 0) return [];
  let found: TracedRecord[];
  if (kind === "applicant") {
    const rows = await db
      .selectFrom("applications")
      .select(["id", "receipt_number", "family_name", "given_name", "nationality", "status"])
      .where("id", "in", ids)
      .execute();
    found = rows.map((r) => ({
      id: r.id,
      link: { kind: "application", id: r.id },
      receiptNumber: r.receipt_number,
      name: fullName(r.family_name, r.given_name),
      nationality: r.nationality,
      status: r.status,
      host: null,
      answers: null,
    }));
  } else if (kind === "hostApplication") {
    const rows = await db
      .selectFrom("host_applications as ha")
      .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
      .select(["ha.id", "ha.receipt_number", "ha.status", "o.name_ja", "o.name_en"])
      .where("ha.id", "in", ids)
      .execute();
    found = rows.map((r) => ({
      id: r.id,
      link: { kind: "hostApplication", id: r.id },
      receiptNumber: r.receipt_number,
      name: r.name_en ? `${r.name_ja} (${r.name_en})` : r.name_ja,
      nationality: null,
      status: r.status,
      host: null,
      answers: null,
    }));
  } else {
    const survey = kind !== "intern";
    const rows = await db
      .selectFrom("placements as p")
      .innerJoin("applications as a", "a.id", "p.application_id")
      .innerJoin("positions as pos", "pos.id", "p.position_id")
      .innerJoin("host_applications as ha", "ha.id", "pos.host_application_id")
      .innerJoin("host_organizations as o", "o.id", "ha.organization_id")
      .leftJoin("survey_responses as r", "r.placement_id", "p.id")
      .select([
        "p.id as placementId",
        "p.status",
        "a.id as applicationId",
        "a.receipt_number",
        "a.family_name",
        "a.given_name",
        "a.nationality",
        "o.name_ja",
        "r.id as responseId",
        "r.answers",
      ])
      .where(survey ? "r.id" : "p.id", "in", ids)
      .execute();
    found = rows.map((r) => {
      const x = r;
      return {
        id: survey ? x.responseId! : r.placementId,
        link: { kind: "application", id: r.applicationId },
        receiptNumber: r.receipt_number,
        name: fullName(r.family_name, r.given_name),
        nationality: r.nationality,
        status: r.status,
        host: r.name_ja,
        answers: survey
          ? Object.fromEntries(Object.entries((x.answers ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"))
          : null,
      };
    });
  }
  const byId = new Map(found.map((r) => [r.id, r]));
  // an imported year's records (ADR 0030)
  for (const r of await tracedImportedRecords(
    db,
    fiscalYear,
    kind,
    ids.filter((id) => !byId.has(id)),
  ))
    byId.set(r.id, r);
  return ids.map((id) => byId.get(id)).filter((r): r is TracedRecord => r !== undefined);
}

/**
 * The records behind one number of the report (traceability): the ids a
 * figure row counts — or the respondents of its percentage, or those who did
 * not answer — as a list of applications, placements, host applications or
 * survey answers, a page at a time. From the live figures, or from a
 * published version's stored ids.
 */
export async function listFigureRecords(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<FigureRecords> {
  const who = authorize(actor, "report.manage");
  const input = parseInput(inputSchema, raw);
  const { report, shown } = await resolveReport(ctx.db, who, input.fiscalYear, input.version);
  const figure = report.figures[input.figure];
  const row = figure.rows.find((r) => r.key === input.row);
  if (!row) throw new NotFoundError(`row ${input.row}`);
  const ids = input.part === "row" ? row.ids : input.part === "base" ? (row.base?.ids ?? []) : (row.base?.unansweredIds ?? []);
  const pages = Math.max(1, Math.ceil(ids.length / TRACE_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const slice = ids.slice((page - 1) * TRACE_PAGE_SIZE, page * TRACE_PAGE_SIZE);
  return {
    fiscalYear: input.fiscalYear,
    version: shown.version,
    figure: input.figure,
    row: input.row,
    part: input.part,
    recordKind: figure.recordKind,
    total: ids.length,
    page,
    pages,
    items: await loadRecords(ctx.db, figure.recordKind, [...slice], input.fiscalYear),
  };
}
