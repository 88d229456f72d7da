import { Form, data, redirect, useLoaderData, useSearchParams } from "react-router";
import { STEPS, STEP_FIELDS, type Step, isStep, multiValuedFields, stepInput } from "#src/services/applications/application-steps.ts";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { removeApplicationDocument } from "#src/services/applications/remove-application-document.ts";
import { saveApplicationStep } from "#src/services/applications/save-application-step.ts";
import { submitApplication } from "#src/services/applications/submit-application.ts";
import { DOCUMENT_KINDS } from "#src/domain/document-type.ts";
import { isServable } from "#src/domain/malware/clamd-protocol.ts";
import { uploadApplicationDocument } from "#src/services/applications/upload-application-document.ts";
import { BlockingEligibility } from "../../components/blocking-eligibility.tsx";
import { EligibilitySummary, describeUnmet } from "../../components/eligibility.tsx";
import type { MyApplication } from "#src/services/applications/get-my-application.ts";
import { ErrorSummary, FileUpload, type FormState, Select, SummaryList, dateInputTarget, useFormState } from "../../components/forms/index.ts";
import { Refusal } from "../../components/refusal.tsx";
import { StepFields } from "../../components/step-fields.tsx";
import { answerText } from "../../lib/answer-text.ts";
import { countryName } from "../../lib/countries.ts";
import { formatDate, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm, typedValues } from "../../lib/request.server.ts";
import type { Route } from "./+types/step";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  if (!isStep(params.step)) throw data({ status: 404 }, { status: 404 });
  const mine = await run(request, locale, () => getMyApplication(rt, actor));
  if (mine.application && mine.application.status !== "draft") throw redirect(`/${locale}/application/status`);
  return { step: params.step as Step, ...mine };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  if (!isStep(params.step)) throw data({ status: 404 }, { status: 404 });
  const step = params.step;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 11 * 1024 * 1024) {
    return data(
      { ok: false, fieldErrors: { file: [{ key: "errors.fileTooLarge", params: { max: 10 } }] }, formErrors: [], refusals: [], values: {} },
      { status: 413 },
    );
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  if (intent === "upload") {
    const file = form.get("file");
    const out = await runForm(request, locale, form, () =>
      uploadApplicationDocument(rt, actor, { kind: form.get("kind"), file: file instanceof File ? file : null }),
    );
    return out.ok ? redirect(`/${locale}/application/documents?uploaded=1`) : out.response;
  }
  if (intent === "remove") {
    const out = await runForm(request, locale, form, () => removeApplicationDocument(rt, actor, String(form.get("document") ?? "")));
    return out.ok ? redirect(`/${locale}/application/documents?removed=1`) : out.response;
  }
  if (intent === "submit") {
    const out = await runForm(request, locale, form, () => submitApplication(rt, actor));
    return out.ok ? redirect(`/${locale}/application/receipt`) : out.response;
  }
  const values = stepInput(step, readForm(form, { multi: multiValuedFields(step) }));
  const out = await runForm(request, locale, form, () => saveApplicationStep(rt, actor, { step, values, autosave: intent === "autosave" }));
  if (!out.ok) return out.response;
  if (intent === "autosave") return { ok: true as const, autosaved: true };
  if (Object.keys(out.result.fieldErrors).length > 0) {
    // Every valid answer was saved; the others come back next to their fields, as typed.
    return data(
      {
        ok: false as const,
        fieldErrors: out.result.fieldErrors,
        formErrors: [{ key: "application.savedWithErrors" }],
        refusals: [],
        values: typedValues(form),
      },
      { status: 400 },
    );
  }
  return redirect(`/${locale}/application/${out.result.next ?? step}`);
}

function Progress({ current, completed }: { current: Step; completed: Step[] }) {
  const { t, locale } = useI18n();
  const done = completed.length;
  return (
    <nav aria-label={t("application.progressLabel")} className="progress">
      <p>{t("application.progress", { done, total: STEPS.length - 1 })}</p>
      <ol>
        {STEPS.map((s) => (
          <li key={s} className={s === current ? "current" : completed.includes(s) ? "done" : undefined}>
            <a href={`/${locale}/application/${s}`} aria-current={s === current ? "step" : undefined}>
              {t(`application.steps.${s}`)}
            </a>{" "}
            <span className="step-state">
              ({s === current ? t("application.current") : completed.includes(s) ? t("application.stepDone") : t("application.stepOpen")})
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default function ApplicationStep() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const mine = useLoaderData<typeof loader>();
  const { step, application, eligibility, completed, editable, round } = mine;
  const state = useFormState();
  const [search] = useSearchParams();
  const fields = STEP_FIELDS[step];
  const labels = Object.fromEntries([
    ...fields.map((f) => [f.name, t(`application.fields.${f.name}`)]),
    ["file", t("application.fields.file")],
    ["kind", t("application.fields.kind")],
  ]);
  const targets = Object.fromEntries(fields.filter((f) => f.kind === "date").map((f) => [f.name, dateInputTarget(f.name, state, locale)]));
  const next = STEPS[STEPS.indexOf(step) + 1];
  const previous = STEPS[STEPS.indexOf(step) - 1];
  if (!round && !application) return <p className="notice">{t("program.noRound")}</p>;
  return (
    <>
      <PageTitle title={`${t("application.title")}: ${t(`application.steps.${step}`)}`} />
      <h1>
        {t("application.title")}: {t(`application.steps.${step}`)}
      </h1>
      <Progress current={step} completed={completed} />
      <BlockingEligibility blocking={mine.blocking} />
      {!editable ? <p className="notice">{t("application.closed")}</p> : null}
      {search.get("uploaded") ? (
        <p className="notice" role="status">
          {t("application.documents.uploaded")}
        </p>
      ) : null}
      {search.get("removed") ? (
        <p className="notice" role="status">
          {t("application.documents.removed")}
        </p>
      ) : null}
      <Refusal />
      <ErrorSummary state={state} labels={labels} targets={targets} />
      {step === "documents" ? (
        <DocumentsStep documents={application?.documents ?? []} state={state} editable={editable} />
      ) : step === "review" ? (
        <ReviewStep mine={mine} />
      ) : (
        <Form method="post" noValidate data-autosave={editable ? "" : undefined} data-autosave-label={t("application.autosaved")}>
          <fieldset disabled={!editable} className="plain">
            <StepFields fields={fields} saved={application?.answers ?? {}} state={state as FormState | undefined} />
          </fieldset>
          {editable ? <button type="submit">{t("application.saveAndContinue")}</button> : null}
          <p className="autosave-status" role="status" aria-live="polite"></p>
        </Form>
      )}
      {eligibility && step !== "review" ? (
        <EligibilitySummary eligibility={eligibility.effective} overridden={application?.overrides.map((o) => o.rule) ?? []} />
      ) : null}
      <p className="step-nav">
        {previous ? <a href={`/${locale}/application/${previous}`}>{t("application.back")}</a> : null}
        {step === "documents" && next ? (
          <a className="button" href={`/${locale}/application/${next}`}>
            {t("application.saveAndContinue")}
          </a>
        ) : null}
      </p>
    </>
  );
}

function DocumentsStep({
  documents,
  state,
  editable,
}: {
  documents: NonNullable<MyApplication["application"]>["documents"];
  state: FormState | undefined;
  editable: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <p>{t("application.documents.lead")}</p>
      {documents.length === 0 ? (
        <p>{t("application.documents.none")}</p>
      ) : (
        <ul className="documents" data-testid="documents">
          {documents.map((d) => (
            <li key={d.id} data-scan={d.scanStatus}>
              {isServable(d.scanStatus) ? <a href={`/documents/${d.id}`}>{d.originalName}</a> : d.originalName} — {t(`application.options.kind.${d.kind}`)} (
              {t("application.documents.size", { kb: Math.ceil(d.sizeBytes / 1024) })})
              {d.scanStatus === "pending" ? <p className="hint">{t("malwareScan.pending")}</p> : null}
              {d.scanStatus === "infected" ? <p className="error-message">{t("malwareScan.infected", { signature: d.scanFinding ?? "" })}</p> : null}
              {editable ? (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="document" value={d.id} />
                  <button type="submit" className="link-button">
                    {t("application.documents.remove", { name: d.originalName })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <Form method="post" encType="multipart/form-data" noValidate>
          <input type="hidden" name="intent" value="upload" />
          <Select
            name="kind"
            label={t("application.fields.kind")}
            state={state}
            required
            placeholder={t("application.notSelected")}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`application.options.kind.${k}`) }))}
          />
          <FileUpload
            name="file"
            label={t("application.fields.file")}
            state={state}
            required
            accept={["application/pdf", "image/jpeg", "image/png"]}
            types="PDF, JPEG, PNG"
            maxSizeMb={10}
          />
          <button type="submit">{t("application.documents.upload")}</button>
        </Form>
      ) : null}
    </>
  );
}

function ReviewStep({ mine }: { mine: MyApplication }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const app = mine.application;
  return (
    <>
      <p>{t("application.review.lead")}</p>
      {STEPS.filter((s) => s !== "review").map((s) => (
        <section key={s} aria-labelledby={`review-${s}`}>
          <h2 id={`review-${s}`}>{t(`application.steps.${s}`)}</h2>
          {s === "documents" ? (
            <ul>
              {(app?.documents ?? []).map((d) => (
                <li key={d.id}>
                  {d.originalName} — {t(`application.options.kind.${d.kind}`)}
                  {d.scanStatus === "pending" ? ` — ${t("malwareScan.pending")}` : null}
                  {d.scanStatus === "infected" ? ` — ${t("malwareScan.infected", { signature: d.scanFinding ?? "" })}` : null}
                </li>
              ))}
            </ul>
          ) : (
            <SummaryList
              rows={STEP_FIELDS[s].map((f) => ({
                key: f.name,
                label: t(`application.fields.${f.name}`),
                value: answerText(
                  app?.answers[f.name],
                  f,
                  t,
                  (c) => countryName(c, locale),
                  (d) => formatDate(d, locale),
                ),
              }))}
            />
          )}
          {mine.editable ? (
            <p>
              <a href={`/${locale}/application/${s}`}>{t("application.review.edit", { step: t(`application.steps.${s}`) })}</a>
            </p>
          ) : null}
        </section>
      ))}
      {mine.eligibility ? <EligibilitySummary eligibility={mine.eligibility.effective} overridden={app?.overrides.map((o) => o.rule) ?? []} /> : null}
      {mine.editable && mine.blocking.length === 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="submit" />
          <button type="submit">{t("application.review.submit")}</button>
        </Form>
      ) : null}
      {mine.eligibility && !mine.eligibility.effective.eligible ? (
        <p className="hint">
          {t("application.review.notEligible")} {mine.eligibility.effective.unmet.map((u) => describeUnmet(u, i18n)).join(" ")}
        </p>
      ) : null}
    </>
  );
}
