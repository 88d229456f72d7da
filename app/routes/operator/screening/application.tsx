import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { ValidationError } from "#src/services/errors.ts";
import { excludeReviewer } from "#src/services/screening/exclude-reviewer.ts";
import { getScreeningApplication } from "#src/services/screening/get-screening-application.ts";
import { reassignReview } from "#src/services/screening/reassign-review.ts";
import { ErrorSummary, RadioGroup, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/application";

/** One application's screening for the operator: its reads, moving an open read to another reviewer, excluding a reviewer by hand. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ view: await getScreeningApplication(rt, actor, params.roundId, params.applicationId) }));
}

/** The exclusion form's fields have their own names (one page, two forms): its field errors are renamed to match. */
async function renamingErrors<T>(fn: () => Promise<T>, names: Record<string, string>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [names[k] ?? k, v])), e.formErrors);
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const here = `/${locale}/operator/rounds/${params.roundId}/screening/applications/${params.applicationId}`;
  const text = (name: string) => String(form.get(name) ?? "");
  if (form.get("_form") === "exclude") {
    const out = await runForm(request, locale, form, () =>
      renamingErrors(
        () => excludeReviewer(rt, actor, params.roundId, params.applicationId, { reviewer: text("excludeReviewer"), reason: text("excludeReason") }),
        {
          reviewer: "excludeReviewer",
          reason: "excludeReason",
        },
      ),
    );
    if (!out.ok) return out.response;
    return redirect(`${here}?excluded=${out.result.released ? (out.result.reassigned ? "reassigned" : "released") : "recorded"}`);
  }
  const out = await runForm(request, locale, form, () =>
    reassignReview(rt, actor, params.roundId, { assignment: text("assignment"), reviewer: text("reviewer"), reason: text("reason") }),
  );
  if (!out.ok) return out.response;
  return redirect(`${here}?reassigned=1`);
}

export default function ScreeningApplication() {
  const { t, locale } = useI18n();
  const { view } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const n = (x: number) => formatNumber(x, locale);
  const title = t("screeningOps.application.title", { receipt: view.application.receiptNumber ?? view.application.id });
  const base = `/${locale}/operator/rounds/${view.round.id}/screening`;
  const open = view.assignments.filter((a) => a.state !== "submitted");
  const editable = view.round.phase === "screening" && !view.closed;
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      {search.get("reassigned") ? (
        <p className="notice" role="status" data-testid="reassigned-notice">
          {t("screeningOps.application.reassigned")}
        </p>
      ) : null}
      {search.get("excluded") ? (
        <p className="notice" role="status" data-testid="excluded-notice">
          {t(
            `screeningOps.application.excluded.${search.get("excluded") === "reassigned" ? "reassigned" : search.get("excluded") === "released" ? "released" : "recorded"}`,
          )}
        </p>
      ) : null}
      <p>
        <a href={`${base}/applications`}>{t("screeningOps.application.back")}</a> ·{" "}
        <a href={`/${locale}/operator/applications/${view.application.id}`}>{t("screeningOps.application.fullApplication")}</a>
      </p>
      <Refusal title={t("screeningOps.refusedTitle")} />
      <ErrorSummary
        state={formState}
        labels={{
          assignment: t("screeningOps.application.read"),
          reviewer: t("screeningOps.application.newReviewer"),
          reason: t("screeningOps.application.reason"),
          excludeReviewer: t("screeningOps.application.excludeReviewer"),
          excludeReason: t("screeningOps.application.excludeReason"),
        }}
      />
      <p>
        {t(`applicationStatus.${view.application.status}`)} ·{" "}
        {t("screeningOps.application.readsNeeded", { reads: view.reads + (view.application.extraRead === null ? 0 : 1) })}
        {view.application.extraRead !== null ? ` · ${t("screeningOps.applications.extraRead")}` : ""}
      </p>
      <h2>{t("screeningOps.application.readsTitle")}</h2>
      {view.assignments.length === 0 ? (
        <p>{t("screeningOps.application.noReads")}</p>
      ) : (
        <table>
          <caption>{t("screeningOps.application.readsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("screening.board.reviewer")}</th>
              <th scope="col">{t("screeningOps.application.state")}</th>
              <th scope="col">{t("screeningOps.application.assignedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {view.assignments.map((a) => (
              <tr key={a.assignmentId} data-testid="screening-read">
                <th scope="row">{a.reviewer}</th>
                <td>{t(`screening.states.${a.state === "todo" ? "todo" : a.state}`)}</td>
                <td>
                  <Instant at={a.assignedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable ? (
        <section aria-labelledby="reassign-title">
          <h2 id="reassign-title">{t("screeningOps.application.reassignTitle")}</h2>
          {open.length === 0 || view.candidates.length === 0 ? (
            <p>{open.length === 0 ? t("screeningOps.application.nothingOpen") : t("screeningOps.application.noCandidates")}</p>
          ) : (
            <Form method="post" noValidate>
              <input type="hidden" name="_form" value="reassign" />
              <RadioGroup
                name="assignment"
                legend={t("screeningOps.application.read")}
                state={formState}
                defaultValue={open.length === 1 ? open[0]!.assignmentId : undefined}
                options={open.map((a) => ({ value: a.assignmentId, label: a.reviewer }))}
                required
              />
              <Select
                name="reviewer"
                label={t("screeningOps.application.newReviewer")}
                state={formState}
                placeholder={t("screeningOps.application.choose")}
                options={view.candidates.map((c) => ({
                  value: c.id,
                  label: t("screeningOps.application.candidate", { name: c.label, load: n(c.load), capacity: n(c.capacity) }),
                }))}
                required
              />
              <TextArea name="reason" label={t("screeningOps.application.reason")} state={formState} rows={2} required />
              <button type="submit">{t("screeningOps.application.reassignSubmit")}</button>
            </Form>
          )}
        </section>
      ) : null}
      <h2>{t("screeningOps.application.exclusionsTitle")}</h2>
      {view.exclusions.length === 0 ? (
        <p>{t("screeningOps.application.noExclusions")}</p>
      ) : (
        <ul data-testid="exclusions">
          {view.exclusions.map((e) => (
            <li key={e.id}>
              {t(e.byOperator ? "screeningOps.application.exclusionByOperator" : "screeningOps.application.exclusionByReviewer", {
                reviewer: e.reviewer,
                reason: e.reason,
              })}{" "}
              (<Instant at={e.at} />)
            </li>
          ))}
        </ul>
      )}
      {!view.closed && view.excludable.length > 0 ? (
        <Form method="post" noValidate>
          <input type="hidden" name="_form" value="exclude" />
          <Select
            name="excludeReviewer"
            label={t("screeningOps.application.excludeReviewer")}
            state={formState}
            placeholder={t("screeningOps.application.choose")}
            options={view.excludable.map((r) => ({ value: r.id, label: r.label }))}
            required
          />
          <TextArea name="excludeReason" label={t("screeningOps.application.excludeReason")} state={formState} rows={2} required />
          <button type="submit">{t("screeningOps.application.excludeSubmit")}</button>
        </Form>
      ) : null}
    </>
  );
}
