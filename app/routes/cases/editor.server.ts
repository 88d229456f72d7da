/**
 * The case editor's form posts, shared by the host's and the operator's
 * pages: each intent calls its use case; success comes back to the page
 * with what happened (?done=…), a refusal or invalid input comes back as
 * the page again with what was typed (request glue).
 */
import { data, redirect } from "react-router";
import type { Locale } from "#src/i18n/locales.ts";
import { approveCase } from "#src/services/cases/approve-case.ts";
import { commentOnCase } from "#src/services/cases/comment-on-case.ts";
import { editCase } from "#src/services/cases/edit-case.ts";
import { publishCase } from "#src/services/cases/publish-case.ts";
import { recordInternConsent } from "#src/services/cases/record-intern-consent.ts";
import { removeCaseImage } from "#src/services/cases/remove-case-image.ts";
import { returnCase } from "#src/services/cases/return-case.ts";
import { saveCaseDraft } from "#src/services/cases/save-case-draft.ts";
import { submitCase } from "#src/services/cases/submit-case.ts";
import { uploadCaseImage } from "#src/services/cases/upload-case-image.ts";
import { withdrawCase } from "#src/services/cases/withdraw-case.ts";
import { type RequestContext, readForm, runForm } from "../../lib/request.server.ts";

/** The largest post the editor reads: one image of 10 MB and the text. */
const MAX_POST_BYTES = 11 * 1024 * 1024;

export async function caseEditorAction(request: Request, ctx: RequestContext, caseId: string, side: "host" | "operator") {
  const { rt, actor, locale } = ctx;
  const here = `/${locale}/${side === "host" ? "host" : "operator"}/cases/${caseId}`;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_POST_BYTES) {
    return data(
      {
        ok: false,
        fieldErrors: { image: [{ key: "casesStaff.errors.imageTooLarge", params: { max: 10 } }] },
        formErrors: [],
        refusals: [],
        values: { intent: "save" },
      },
      { status: 413 },
    );
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const done = (what: string, extra: Record<string, string | number> = {}) =>
    redirect(`${here}?${new URLSearchParams({ done: what, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) })}`);
  const go = <T>(fn: () => Promise<T>) => runForm(request, locale as Locale, form, fn);
  const input = { caseId, form: readForm(form, { multi: ["languages"] }) };
  if (intent === "save" || intent.startsWith("remove:")) {
    const saved = await go(() =>
      side === "host"
        ? saveCaseDraft(rt, actor, { ...input, baseRevision: form.get("baseRevision") })
        : editCase(rt, actor, { ...input, baseRevision: form.get("baseRevision") }),
    );
    if (!saved.ok) return saved.response;
    if (intent.startsWith("remove:")) {
      const removed = await go(() => removeCaseImage(rt, actor, { caseId, imageId: intent.slice("remove:".length) }));
      return removed.ok ? done("imageRemoved") : removed.response;
    }
    const file = form.get("image");
    if (file instanceof File && file.size > 0) {
      const up = await go(() =>
        uploadCaseImage(rt, actor, { caseId, file, altJa: form.get("newAltJa"), altEn: form.get("newAltEn"), showsIntern: form.get("newShowsIntern") }),
      );
      return up.ok ? done("imageAdded", { revision: up.result.revision }) : up.response;
    }
    return saved.result.changed.length > 0 ? done("saved", { revision: saved.result.revision }) : done("nothingChanged");
  }
  const steps: Record<string, () => Promise<unknown>> = {
    submit: () => submitCase(rt, actor, input),
    consent: () => recordInternConsent(rt, actor, input),
    comment: () => commentOnCase(rt, actor, input),
    approve: () => approveCase(rt, actor, { caseId }),
    return: () => returnCase(rt, actor, input),
    publish: () => publishCase(rt, actor, input),
    withdraw: () => withdrawCase(rt, actor, input),
  };
  const step = steps[intent];
  if (!step) throw data({ status: 400 }, { status: 400 });
  const out = await go(step);
  if (!out.ok) return out.response;
  const names: Record<string, string> = {
    submit: "submitted",
    consent: "consentSaved",
    comment: "commented",
    approve: "approved",
    return: "returned",
    publish: "published",
    withdraw: "withdrawn",
  };
  return done(names[intent]!);
}
