/**
 * Final presentations (issue 16 item 6, ADR 0038): the operator schedules one
 * per placement (when, a place or an online link); the intern uploads the
 * slides (PDF or PPTX by content, at most 10 MB, stored like application
 * documents under a generated name outside the database); the intern, the
 * host members of the placement's organization and operators download them.
 * Slides are checked for malware as application documents are (ADR 0028):
 * with a scanner configured they are stored `pending` and the scan job
 * (src/jobs/scan-uploads.ts) marks them `clean` or `infected` (file deleted,
 * signature kept, audited); without one they are `not_scanned`. Only clean or
 * not-scanned slides are served (`isServable`), to everyone, the intern too;
 * the pages show the others' state without a link. Changes are audited, and
 * so is a download by anyone but the intern.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { MAX_SLIDES_BYTES, SLIDES_EXTENSION, type SlidesContentType, slidesFileName, sniffSlidesType } from "../../domain/internship/training.ts";
import { type ScanStatus, isServable } from "../../domain/malware/clamd-protocol.ts";
import { writeAudit } from "../audit/write-audit.ts";
import { authenticate, authorize } from "../authorize.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { ForbiddenError, NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { requiredText } from "../fields.ts";
import { findMembership } from "../hosts/membership.ts";
import { checkWhere, scheduleFields, tokyoMinute } from "../host-training/training-records.ts";
import { parseInput } from "../validation.ts";
import { type PlacementRow, findPlacement, myPlacement, placementQuery, toPlacementRow } from "./placement-access.ts";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

export interface PresentationView {
  /** YYYY-MM-DDTHH:MM, Japan; null when not scheduled yet */
  startsAt: string | null;
  place: string | null;
  onlineUrl: string | null;
  slides: {
    fileName: string;
    sizeBytes: number;
    uploadedAt: string;
    /** Where the malware check stands (ADR 0028): only `clean` and `not_scanned` slides have a download link. */
    scanStatus: ScanStatus;
    /** The signature clamd found, when infected (the file was deleted); else null. */
    signature: string | null;
  } | null;
}

/** The placement's presentation and slides as the pages show them. */
export async function presentationOf(db: Kysely<Database>, placementId: string): Promise<PresentationView> {
  return (await presentationsOf(db, [placementId])).get(placementId)!;
}

/** The presentations and slides of several placements, in two queries whatever their number (the operator's list). */
async function presentationsOf(db: Kysely<Database>, placementIds: readonly string[]): Promise<Map<string, PresentationView>> {
  const views = new Map<string, PresentationView>();
  if (placementIds.length === 0) return views;
  const [presentations, slides] = await Promise.all([
    db.selectFrom("final_presentations").select(["placement_id", "starts_at", "place", "online_url"]).where("placement_id", "in", placementIds).execute(),
    db
      .selectFrom("presentation_slides")
      .select(["placement_id", "original_name", "content_type", "size_bytes", "uploaded_at", "scan_status", "scan_finding"])
      .where("placement_id", "in", placementIds)
      .execute(),
  ]);
  const byPlacement = new Map(presentations.map((p) => [p.placement_id, p]));
  const slidesOf = new Map(slides.map((s) => [s.placement_id, s]));
  for (const id of placementIds) {
    const p = byPlacement.get(id);
    const s = slidesOf.get(id);
    views.set(id, {
      startsAt: p ? tokyoMinute(p.starts_at) : null,
      place: p?.place ?? null,
      onlineUrl: p?.online_url ?? null,
      slides: s
        ? {
            fileName: slidesFileName(s.original_name, s.content_type as SlidesContentType),
            sizeBytes: s.size_bytes,
            uploadedAt: s.uploaded_at.toISOString(),
            scanStatus: s.scan_status as ScanStatus,
            // while pending, scan_finding may hold why the last attempt failed: not for the pages
            signature: s.scan_status === "infected" ? s.scan_finding : null,
          }
        : null,
    });
  }
  return views;
}

/** The operator's list: each placement of the round (not replaced) with its presentation and slides. */
export async function listRoundPresentations(ctx: ServiceContext, actor: Actor | null, roundId: string) {
  authorize(actor, "placement.manage");
  const round = await ctx.db.selectFrom("rounds").select(["id", "name_ja", "name_en"]).where("id", "=", roundId).executeTakeFirst();
  if (!round) throw new NotFoundError("round");
  const placements = (await placementQuery(ctx.db).where("placements.round_id", "=", round.id).where("placements.status", "!=", "replaced").execute())
    .map(toPlacementRow)
    .sort((a, b) => a.internName.localeCompare(b.internName));
  const views = await presentationsOf(
    ctx.db,
    placements.map((p) => p.id),
  );
  return {
    round: { id: round.id, nameJa: round.name_ja, nameEn: round.name_en },
    placements: placements.map((p) => ({
      id: p.id,
      internName: p.internName,
      organizationNameJa: p.organizationNameJa,
      organizationNameEn: p.organizationNameEn,
      status: p.status,
      presentation: views.get(p.id)!,
    })),
  };
}

const scheduleSchema = z.object({ placementId: requiredText(64), ...scheduleFields }).superRefine(checkWhere);

/** Schedules (or moves) a placement's final presentation. */
export async function scheduleFinalPresentation(ctx: ServiceContext, actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(actor, "placement.manage");
  const input = parseInput(scheduleSchema, raw);
  const placement = await findPlacement(ctx.db, input.placementId);
  if (placement.status === "replaced" || placement.status === "terminated") {
    throw new RefusedError("internshipStaff.refusals", [{ code: "not_active" }]);
  }
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("final_presentations")
      .select(["starts_at", "place", "online_url"])
      .where("placement_id", "=", placement.id)
      .executeTakeFirst();
    const values = { starts_at: input.startsAt, place: input.place, online_url: input.onlineUrl, scheduled_by: who.userId, scheduled_at: now };
    await trx
      .insertInto("final_presentations")
      .values({ placement_id: placement.id, ...values })
      .onConflict((oc) => oc.column("placement_id").doUpdateSet(values))
      .execute();
    await writeAudit(trx, who, {
      action: "presentation.schedule",
      entityType: "placement",
      entityId: placement.id,
      before: before ? { startsAt: before.starts_at.toISOString(), place: before.place, onlineUrl: before.online_url } : null,
      after: { startsAt: input.startsAt.toISOString(), place: input.place, onlineUrl: input.onlineUrl },
    });
  });
}

/** The intern's presentation page: their placement, its presentation and slides. */
export async function getMyPresentation(ctx: ServiceContext, actor: Actor | null) {
  const { placement } = await myPlacement(ctx.db, actor);
  if (!placement) return { placement: null, presentation: null };
  return {
    placement: {
      id: placement.id,
      positionTitle: placement.positionTitle,
      status: placement.status,
      organizationNameJa: placement.organizationNameJa,
      organizationNameEn: placement.organizationNameEn,
    },
    presentation: await presentationOf(ctx.db, placement.id),
  };
}

/**
 * The intern uploads the slides of their placement's final presentation (a new
 * upload replaces the previous one, whatever its check found). PDF or PPTX by
 * content, at most 10 MB. With a malware scanner configured the slides wait as
 * "being checked" (pending) until the scan job finds them clean; they are not
 * served before (ADR 0028). Without one they are marked not scanned.
 */
export async function uploadPresentationSlides(ctx: ServiceContext, actor: Actor | null, input: { file: File | null }): Promise<{ id: string }> {
  const { who, placement } = await myPlacement(ctx.db, actor);
  if (!placement) throw new NotFoundError("placement");
  if (placement.status !== "active" && placement.status !== "completed") throw new RefusedError("internship.refusals", [{ code: "not_active" }]);
  const file = input.file;
  if (!file || file.size === 0) throw new ValidationError({ file: [{ key: "errors.fileMissing" }] });
  if (file.size > MAX_SLIDES_BYTES) throw new ValidationError({ file: [{ key: "errors.fileTooLarge", params: { max: 10 } }] });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffSlidesType(bytes);
  if (!contentType) throw new ValidationError({ file: [{ key: "finalPresentation.errors.fileType" }] });
  const id = crypto.randomUUID();
  const storageKey = `${id}.${SLIDES_EXTENSION[contentType]}`;
  const originalName = [...(file.name || "slides")]
    .map((c) => (c < " " || c === "/" || c === "\\" ? "_" : c))
    .join("")
    .slice(0, 200);
  const scan = ctx.scanner ? "pending" : "not_scanned";
  await ctx.files.put(storageKey, bytes);
  let replaced: string | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom("presentation_slides")
        .select(["id", "storage_key"])
        .where("placement_id", "=", placement.id)
        .forUpdate()
        .executeTakeFirst();
      replaced = before?.storage_key ?? null;
      const values = {
        id,
        storage_key: storageKey,
        original_name: originalName,
        content_type: contentType,
        size_bytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        scan_status: scan,
        uploaded_by: who.userId,
        uploaded_at: ctx.clock(),
        // a replacement starts its check afresh (the row is overwritten in place)
        scan_attempts: 0,
        scan_claimed_at: null,
        scan_next_at: null,
        scanned_at: null,
        scan_finding: null,
      };
      await trx
        .insertInto("presentation_slides")
        .values({ placement_id: placement.id, ...values })
        .onConflict((oc) => oc.column("placement_id").doUpdateSet(values))
        .execute();
      await writeAudit(trx, who, {
        action: "presentation.slides_upload",
        entityType: "placement",
        entityId: placement.id,
        after: { slides: id, contentType, sizeBytes: bytes.byteLength, replaced: before?.id ?? null, scan },
      });
    });
  } catch (err) {
    await ctx.files.remove(storageKey);
    throw err;
  }
  if (replaced) await ctx.files.remove(replaced);
  return { id };
}

/** Who may read a placement's slides: its intern, a host member of its organization, an operator; another intern or host gets 403. */
async function canReadSlides(ctx: ServiceContext, who: Actor, placement: PlacementRow): Promise<boolean> {
  if (who.role === "operator") {
    authorize(who, "placement.manage");
    return true;
  }
  if (who.role === "applicant") return placement.applicantUserId === who.userId;
  if (who.role === "host") {
    const m = await findMembership(ctx.db, who.userId);
    return m?.organizationId === placement.organizationId;
  }
  return false;
}

export async function getPresentationSlides(
  ctx: ServiceContext,
  actor: Actor | null,
  placementId: string,
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const who = authenticate(actor);
  const placement = await findPlacement(ctx.db, placementId);
  if (!(await canReadSlides(ctx, who, placement))) throw new ForbiddenError("presentation.slides");
  const s = await ctx.db
    .selectFrom("presentation_slides")
    .select(["id", "storage_key", "original_name", "content_type", "scan_status"])
    .where("placement_id", "=", placement.id)
    .executeTakeFirst();
  // Being checked, or found infected (the file is gone): served to no one, the intern included (ADR 0028).
  if (!s || !isServable(s.scan_status)) throw new NotFoundError("slides");
  const bytes = await ctx.files.get(s.storage_key);
  if (placement.applicantUserId !== who.userId) {
    await writeAudit(ctx.db, who, { action: "presentation.slides_download", entityType: "placement", entityId: placement.id, after: { slides: s.id } });
  }
  return { bytes, contentType: s.content_type, fileName: slidesFileName(s.original_name, s.content_type as SlidesContentType) };
}
