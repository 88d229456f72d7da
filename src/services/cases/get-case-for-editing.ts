import { type CaseContent, type CaseLanguage, isComplete, missingFor, readContent } from "../../domain/cases/content.ts";
import { hostMayEdit, hostMaySubmit, operatorMayApprove, operatorMayPublish, operatorMayReturn, operatorMayWithdraw } from "../../domain/cases/workflow.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { readerOf } from "./case-access.ts";

export interface CaseImageView {
  id: string;
  width: number;
  height: number;
  alt: Record<CaseLanguage, string>;
  showsIntern: boolean;
}

export interface CaseEvent {
  id: string;
  kind: string;
  body: string;
  authorName: string | null;
  authorRole: string;
  revision: number;
  at: Date;
}

export interface CaseForEditing {
  id: string;
  number: number;
  status: string;
  revision: number;
  content: CaseContent;
  images: CaseImageView[];
  organization: { id: string; nameJa: string; nameEn: string | null };
  round: { id: string; nameJa: string; nameEn: string } | null;
  placement: { id: string; startsOn: string; endsOn: string } | null;
  consent: { named: boolean; shown: boolean; note: string | null; recordedAt: Date | null; recordedBy: string | null };
  published: { revision: number | null; languages: string[]; at: Date | null; lastAt: Date | null; withdrawnAt: Date | null };
  complete: Record<CaseLanguage, boolean>;
  missing: Record<CaseLanguage, string[]>;
  events: CaseEvent[];
  side: "host" | "operator";
  can: { edit: boolean; submit: boolean; return: boolean; approve: boolean; publish: boolean; withdraw: boolean; comment: boolean; consent: boolean };
}

/** One case as its editors see it: current text, images, consent, the conversation, and what they may do now. */
export async function getCaseForEditing(ctx: ServiceContext, actor: Actor | null, caseId: string): Promise<CaseForEditing> {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) throw new NotFoundError("case_study");
  const row = await ctx.db.selectFrom("case_studies").selectAll().where("id", "=", caseId).executeTakeFirst();
  if (!row) throw new NotFoundError("case_study");
  const reader = await readerOf(ctx.db, actor, row);
  const content = readContent(row.content);
  const [images, events, org, round, placement, recorder] = await Promise.all([
    ctx.db.selectFrom("case_study_images").select(["id", "large_width", "large_height"]).where("case_id", "=", row.id).execute(),
    ctx.db
      .selectFrom("case_study_comments as c")
      .leftJoin("user", "user.id", "c.author_user_id")
      .select(["c.id", "c.kind", "c.body", "c.author_role", "c.revision", "c.created_at", "user.name"])
      .where("c.case_id", "=", row.id)
      .orderBy("c.seq")
      .limit(500)
      .execute(),
    ctx.db.selectFrom("host_organizations").select(["id", "name_ja", "name_en"]).where("id", "=", row.organization_id).executeTakeFirstOrThrow(),
    row.round_id ? ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", row.round_id).executeTakeFirst() : undefined,
    row.placement_id ? ctx.db.selectFrom("placements").select(["id", "starts_on", "ends_on"]).where("id", "=", row.placement_id).executeTakeFirst() : undefined,
    row.consent_recorded_by ? ctx.db.selectFrom("user").select("name").where("id", "=", row.consent_recorded_by).executeTakeFirst() : undefined,
  ]);
  const dims = new Map(images.map((i) => [i.id, i]));
  const host = reader.side === "host";
  const op = reader.side === "operator" && reader.canEdit;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    revision: row.revision,
    content,
    images: content.images
      .filter((i) => dims.has(i.id))
      .map((i) => ({ id: i.id, width: dims.get(i.id)!.large_width, height: dims.get(i.id)!.large_height, alt: i.alt, showsIntern: i.showsIntern })),
    organization: { id: org.id, nameJa: org.name_ja, nameEn: org.name_en },
    round: round ? { id: round.id, nameJa: round.name_ja, nameEn: round.name_en } : null,
    placement: placement ? { id: placement.id, startsOn: placement.starts_on, endsOn: placement.ends_on } : null,
    consent: {
      named: row.consent_named,
      shown: row.consent_shown,
      note: row.consent_note,
      recordedAt: row.consent_recorded_at,
      recordedBy: recorder?.name ?? null,
    },
    published: {
      revision: row.published_revision,
      languages: row.published_languages,
      at: row.published_at,
      lastAt: row.republished_at,
      withdrawnAt: row.withdrawn_at,
    },
    complete: { ja: isComplete(content, "ja"), en: isComplete(content, "en") },
    missing: { ja: missingFor(content, "ja"), en: missingFor(content, "en") },
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      body: e.body,
      authorName: e.name,
      authorRole: e.author_role,
      revision: e.revision,
      at: e.created_at,
    })),
    side: reader.side,
    can: {
      edit: host ? hostMayEdit(row.status) : op,
      submit: host && hostMaySubmit(row.status),
      return: op && operatorMayReturn(row.status),
      approve: op && operatorMayApprove(row.status),
      publish: op && operatorMayPublish(row.status),
      withdraw: op && operatorMayWithdraw(row.status),
      comment: host || op,
      consent: host || op,
    },
  };
}
