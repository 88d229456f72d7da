/**
 * An uploaded case-study image made safe to publish (ADR 0024): recognized by
 * its content (JPEG or PNG only), refused when too large in bytes or in
 * pixels before it is decoded, turned upright by its EXIF orientation, then
 * re-encoded in two sizes with every piece of metadata dropped (EXIF with its
 * GPS position, XMP, IPTC, comments, ICC profiles after conversion to sRGB).
 * sharp (libvips) does the work; its prebuilt binary comes from the npm
 * registry as an optional dependency (@img/sharp-linux-x64).
 */
import sharp, { type Metadata } from "sharp";
import { sniffDocumentType } from "../../domain/document-type.ts";
import { ValidationError } from "../errors.ts";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** About 50 megapixels: any phone photo; a "decompression bomb" PNG claims far more. */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const LARGE_EDGE = 1600;
export const SMALL_EDGE = 640;

export interface ProcessedImage {
  contentType: "image/jpeg" | "image/png";
  large: { bytes: Uint8Array; width: number; height: number };
  small: { bytes: Uint8Array; width: number; height: number };
}

function refuse(key: string, params?: Record<string, number>): never {
  throw new ValidationError({ image: [{ key, ...(params ? { params } : {}) }] });
}

async function variant(input: Uint8Array, contentType: ProcessedImage["contentType"], edge: number) {
  let pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" })
    .rotate()
    .resize({ width: edge, height: edge, fit: "inside", withoutEnlargement: true })
    .toColourspace("srgb");
  pipeline = contentType === "image/png" ? pipeline.png({ compressionLevel: 9, adaptiveFiltering: true }) : pipeline.jpeg({ quality: 80, mozjpeg: true });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height };
}

export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) refuse("errors.fileMissing");
  if (bytes.byteLength > MAX_IMAGE_BYTES) refuse("casesStaff.errors.imageTooLarge", { max: MAX_IMAGE_BYTES / 1024 / 1024 });
  const sniffed = sniffDocumentType(bytes);
  if (sniffed !== "image/jpeg" && sniffed !== "image/png") refuse("casesStaff.errors.imageType");
  const contentType = sniffed;
  let meta: Metadata;
  try {
    // Reads the header only: the pixel count is known before anything is decoded.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuse("casesStaff.errors.imageUnreadable");
  }
  if ((meta.format !== "jpeg" && meta.format !== "png") || !meta.width || !meta.height) refuse("casesStaff.errors.imageType");
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    refuse("casesStaff.errors.imagePixels", { width: meta.width, height: meta.height, max: MAX_IMAGE_PIXELS / 1_000_000 });
  }
  try {
    const [large, small] = await Promise.all([variant(bytes, contentType, LARGE_EDGE), variant(bytes, contentType, SMALL_EDGE)]);
    return { contentType, large, small };
  } catch {
    return refuse("casesStaff.errors.imageUnreadable");
  }
}
