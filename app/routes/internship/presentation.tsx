import { Form, data as response, redirect, useLoaderData, useSearchParams } from "react-router";
import { getMyPresentation, uploadPresentationSlides } from "#src/services/internship/final-presentations.ts";
import { PPTX_TYPE } from "#src/domain/internship/training.ts";
import { isServable } from "#src/domain/malware/clamd-protocol.ts";
import { ErrorSummary, FileUpload, useFormState } from "../../components/forms/index.ts";
import { Notice } from "../../components/notice.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../lib/request.server.ts";
import { tokyoWhen } from "../../lib/training-format.ts";
import type { Route } from "./+types/presentation";

/** The intern's final presentation (ADR 0038): when and where, and the slides they upload (PDF or PPTX, 10 MB). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getMyPresentation(rt, actor));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 11 * 1024 * 1024) {
    return response(
      { ok: false, fieldErrors: { file: [{ key: "errors.fileTooLarge", params: { max: 10 } }] }, formErrors: [], refusals: [], values: {} },
      { status: 413 },
    );
  }
  const form = await request.formData();
  const file = form.get("file");
  const out = await runForm(request, locale, form, () => uploadPresentationSlides(rt, actor, { file: file instanceof File ? file : null }));
  return out.ok ? redirect(`/${locale}/internship/presentation?uploaded=1`) : out.response;
}

export default function Presentation() {
  const { t, locale } = useI18n();
  const { placement, presentation } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  return (
    <>
      <PageTitle title={t("finalPresentation.title")} />
      <h1>{t("finalPresentation.title")}</h1>
      <Notice text={search.get("uploaded") ? t("finalPresentation.uploaded") : null} />
      <Refusal />
      {!placement || !presentation ? (
        <p>{t("internship.none")}</p>
      ) : (
        <>
          <p className="lead">{t("finalPresentation.lead")}</p>
          {presentation.startsAt ? (
            <dl data-testid="presentation-schedule">
              <dt>{t("finalPresentation.when")}</dt>
              <dd>{tokyoWhen(presentation.startsAt, locale)}</dd>
              <dt>{t("finalPresentation.where")}</dt>
              <dd>
                {presentation.place ?? ""}
                {presentation.place && presentation.onlineUrl ? " · " : ""}
                {presentation.onlineUrl ? <a href={presentation.onlineUrl}>{presentation.onlineUrl}</a> : null}
              </dd>
            </dl>
          ) : (
            <p>{t("finalPresentation.notScheduled")}</p>
          )}
          <section aria-labelledby="slides-title">
            <h2 id="slides-title">{t("finalPresentation.slidesTitle")}</h2>
            {presentation.slides ? (
              <div data-testid="my-slides" data-scan={presentation.slides.scanStatus}>
                <p>
                  {t("finalPresentation.current", { file: presentation.slides.fileName })}
                  {isServable(presentation.slides.scanStatus) ? (
                    <>
                      {" · "}
                      <a href={`/presentation-slides/${placement.id}`}>{t("finalPresentation.download", { file: presentation.slides.fileName })}</a>
                    </>
                  ) : null}
                </p>
                {/* being checked, or rejected by the malware check (ADR 0028): no link */}
                {presentation.slides.scanStatus === "pending" ? <p className="hint">{t("finalPresentation.scanPending")}</p> : null}
                {presentation.slides.scanStatus === "infected" ? (
                  <p className="error-message">{t("finalPresentation.scanInfected", { signature: presentation.slides.signature ?? "" })}</p>
                ) : null}
              </div>
            ) : (
              <p>{t("finalPresentation.noSlides")}</p>
            )}
            <ErrorSummary state={state} labels={{ file: t("finalPresentation.file") }} />
            {placement.status === "active" || placement.status === "completed" ? (
              <Form method="post" encType="multipart/form-data" noValidate>
                <FileUpload
                  name="file"
                  label={t("finalPresentation.file")}
                  hint={t("finalPresentation.replaceHint")}
                  state={state}
                  required
                  accept={["application/pdf", PPTX_TYPE]}
                  types="PDF, PPTX"
                  maxSizeMb={10}
                />
                <button type="submit">{t("finalPresentation.upload")}</button>
              </Form>
            ) : null}
          </section>
        </>
      )}
      <p>
        <a href={`/${locale}/internship`}>{t("internship.title")}</a>
      </p>
    </>
  );
}
