import { createHash } from "node:crypto";
import { z } from "zod";
import { ALT_LIMIT, MAX_IMAGES, cleanText, readContent } from "../../domain/cases/content.ts";
import { hostMayEdit } from "../../domain/cases/workflow.ts";
import { writeAudit } from "../audit/write-audit.ts";
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError, RefusedError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { editorOf, lockCase, writeRevision } from "./case-access.ts";
import { processImage } from "./process-image.ts";

const schema = z.object({
  altJa: z.string().optional().default("").transform(cleanText).pipe(z.string().max(ALT_LIMIT)),
  altEn: z.string().optional().default("").transform(cleanText).pipe(z.string().max(ALT_LIMIT)),
  showsIntern: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

/**
 * Adds an image to a case (host while editable, operator any time): JPEG or
 * PNG recognized by content, at most 10 MB and 50 megapixels, turned upright,
 * resized to 1600 and 640 pixels and stripped of metadata (process-image.ts).
 * A refused file changes nothing; the image joins the text as a new revision.
 */
export async function uploadCaseImage(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { caseId: string; file: File | null; altJa?: unknown; altEn?: unknown; showsIntern?: unknown },
): Promise<{ imageId: string; revision: number }> {
  // Who may, first (a stranger learns nothing about the file handling).
  const first = await ctx.db.selectFrom("case_studies").select(["organization_id", "status"]).where("id", "=", input.caseId).executeTakeFirst();
  if (!first) throw new NotFoundError("case_study");
  await editorOf(ctx.db, actor, first);
  const fields = parseInput(schema, { altJa: input.altJa ?? "", altEn: input.altEn ?? "", showsIntern: input.showsIntern ?? "" });
  if (!input.file || input.file.size === 0) throw new ValidationError({ image: [{ key: "errors.fileMissing" }] });
  const original = new Uint8Array(await input.file.arrayBuffer());
  const image = await processImage(original);
  const imageId = crypto.randomUUID();
  const ext = image.contentType === "image/png" ? "png" : "jpg";
  const largeKey = `${crypto.randomUUID()}.${ext}`;
  const smallKey = `${crypto.randomUUID()}.${ext}`;
  await ctx.files.put(largeKey, image.large.bytes);
  await ctx.files.put(smallKey, image.small.bytes);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await lockCase(trx, input.caseId);
      const editor = await editorOf(trx, actor, row);
      if (editor.side === "host" && !hostMayEdit(row.status)) throw new RefusedError("casesStaff.refusals", [{ code: "not_editable", status: row.status }]);
      const content = readContent(row.content);
      if (content.images.length >= MAX_IMAGES) throw new ValidationError({ image: [{ key: "errors.tooManyFiles", params: { max: MAX_IMAGES } }] });
      const now = ctx.clock();
      await trx
        .insertInto("case_study_images")
        .values({
          id: imageId,
          case_id: row.id,
          content_type: image.contentType,
          large_key: largeKey,
          large_width: image.large.width,
          large_height: image.large.height,
          large_bytes: image.large.bytes.byteLength,
          small_key: smallKey,
          small_width: image.small.width,
          small_height: image.small.height,
          small_bytes: image.small.bytes.byteLength,
          original_sha256: createHash("sha256").update(original).digest("hex"),
          uploaded_by: editor.actor.userId,
          uploaded_at: now,
        })
        .execute();
      const next = { ...content, images: [...content.images, { id: imageId, alt: { ja: fields.altJa, en: fields.altEn }, showsIntern: fields.showsIntern }] };
      const { revision } = await writeRevision(trx, editor.actor, row, next, now);
      await writeAudit(trx, editor.actor, {
        action: "case.image_upload",
        entityType: "case_study",
        entityId: row.id,
        after: { image: imageId, contentType: image.contentType, width: image.large.width, height: image.large.height, revision },
      });
      return { imageId, revision };
    });
  } catch (err) {
    await ctx.files.remove(largeKey);
    await ctx.files.remove(smallKey);
    throw err;
  }
}
