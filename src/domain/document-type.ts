/**
 * Recognizes an uploaded document by its content (magic bytes), never by its
 * name or the browser's claimed type. Only PDF, JPEG and PNG are accepted.
 */
export type DocumentContentType = "application/pdf" | "image/jpeg" | "image/png";

import { stripControlChars } from "./text-hygiene.ts";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function sniffDocumentType(bytes: Uint8Array): DocumentContentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return null;
}

export const EXTENSION: Record<DocumentContentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

/**
 * The name a document is downloaded under: the name it was uploaded with, without control characters or
 * folders, and always with the extension of the type detected at upload — an "invoice.html" that is a PDF
 * is saved as "invoice.pdf", never opened as a page (issue 11 item 9).
 */
export function downloadFileName(originalName: string, contentType: string): string {
  const extension = (EXTENSION as Record<string, string>)[contentType] ?? "bin";
  const base = stripControlChars(originalName, { lines: false })
    .replace(/^.*[/\\]/, "")
    .replace(/\.[^.]*$/, "")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  return `${base || "document"}.${extension}`;
}

/** What an applicant may upload. */
export const DOCUMENT_KINDS = [
  "graduation_certificate",
  "university_recommendation",
  "employer_recommendation",
  "jlpt_certificate",
  "english_certificate",
  "passport",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The documents that satisfy eligibility's document rule (and complete the
 * application's documents step): proof of graduation, or a recommendation
 * from a university or an employer.
 */
export const QUALIFYING_DOCUMENT_KINDS = [
  "graduation_certificate",
  "university_recommendation",
  "employer_recommendation",
] as const satisfies readonly DocumentKind[];

export function isQualifyingDocument(kind: string): boolean {
  return (QUALIFYING_DOCUMENT_KINDS as readonly string[]).includes(kind);
}
