/**
 * The slides of a placement on the host's and the operator's pages (ADR 0038) say where their malware check stands
 * (ADR 0028), as the operator's application page does for documents: a download link only for clean or not-scanned
 * slides, "not scanned" next to the link when no scanner is configured, no link while being checked or once malware
 * was found (with the signature). Rendered to static HTML, as the server sends it.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PresentationSlidesStatus } from "#app/components/presentation-slides-status.tsx";
import { I18nProvider, makeI18n } from "#app/lib/i18n.tsx";
import type { ScanStatus } from "#src/domain/malware/clamd-protocol.ts";
import type { Locale } from "#src/i18n/locales.ts";

function render(scanStatus: ScanStatus, locale: Locale = "en", signature: string | null = null): string {
  const slides = { fileName: "final.pdf", sizeBytes: 1234, uploadedAt: "2027-12-01T00:00:00.000Z", scanStatus, signature };
  return renderToStaticMarkup(
    createElement(I18nProvider, { value: makeI18n(locale, null) }, createElement(PresentationSlidesStatus, { placementId: "p-1", slides })),
  );
}

describe("PresentationSlidesStatus", () => {
  it("links clean slides without a remark, and not-scanned ones with the remark", () => {
    expect(render("clean")).toBe('<span data-testid="slides-status" data-scan="clean"><a href="/presentation-slides/p-1">Download final.pdf</a></span>');
    expect(render("not_scanned")).toContain('<a href="/presentation-slides/p-1">Download final.pdf</a> — Not scanned (no malware scanner configured)');
    expect(render("not_scanned", "ja")).toContain("final.pdf をダウンロード</a> — 未チェック（マルウェアスキャナー未設定）");
  });

  it("gives no link while the slides are being checked or after malware was found (naming the signature)", () => {
    const pending = render("pending");
    expect(pending).not.toContain("<a ");
    expect(pending).toContain("final.pdf — Being checked for malware (not available yet)");
    const infected = render("infected", "en", "Jip.Test.Marker.UNOFFICIAL");
    expect(infected).not.toContain("<a ");
    expect(infected).toContain("final.pdf — Malware found (Jip.Test.Marker.UNOFFICIAL); the file was deleted");
    expect(render("infected", "ja", "Jip.Test.Marker.UNOFFICIAL")).toContain("マルウェアを検出（Jip.Test.Marker.UNOFFICIAL）");
  });
});
