import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { PHASES } from "#src/domain/round-phases.ts";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { getRoundPhase } from "#src/services/applications/get-round-phase.ts";
import { isWithdrawable } from "#src/domain/application-status.ts";
import { withdrawApplication } from "#src/services/applications/withdraw-application.ts";
import { getMySelectionOutcome } from "#src/services/selection/get-my-selection-outcome.ts";
import { SelectionOutcome } from "./selection-outcome.tsx";
import { ErrorSummary, SummaryList, TextArea, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/status";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const mine = await run(request, locale, () => getMyApplication(rt, actor));
  const phase = mine.application ? await getRoundPhase(rt, mine.application.roundId) : null;
  const selection = mine.application ? await run(request, locale, () => getMySelectionOutcome(rt, actor)) : null;
  return { application: mine.application, phase, selection };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => withdrawApplication(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/application/status?withdrawn=1`);
}

export default function Status() {
  const { t, locale } = useI18n();
  const { application, phase, selection } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  if (!application) {
    return (
      <>
        <h1>{t("application.status.title")}</h1>
        <p>{t("application.status.none")}</p>
        <p>
          <a className="button" href={`/${locale}/application`}>
            {t("application.status.start")}
          </a>
        </p>
      </>
    );
  }
  const canWithdraw = isWithdrawable(application.status);
  return (
    <>
      <h1>{t("application.status.title")}</h1>
      <Refusal />
      {search.get("withdrawn") ? (
        <p className="notice" role="status">
          {t("application.status.withdrawn")}
        </p>
      ) : null}
      <SummaryList
        rows={[
          {
            key: "status",
            label: t("application.status.current"),
            value: t(`application.status.values.${application.status}`),
            testId: "application-status",
          },
          application.receiptNumber ? { key: "receipt", label: t("application.receipt.number"), value: application.receiptNumber } : null,
          application.submittedAt ? { key: "submittedAt", label: t("application.status.submittedAt"), value: <Instant at={application.submittedAt} /> } : null,
        ]}
      />
      {application.status === "interview" ? (
        <p>
          <a href={`/${locale}/application/interview`}>{t("interviews.bookLink")}</a>
        </p>
      ) : null}
      <SelectionOutcome outcome={selection} />
      {phase ? (
        <section aria-labelledby="phase-title">
          <h2 id="phase-title">{t("application.status.phaseTitle")}</h2>
          <ol className="phase-steps">
            {PHASES.map((p) => (
              <li key={p} className={p === phase ? "current" : undefined} aria-current={p === phase ? "step" : undefined}>
                {t(`application.status.phases.${p}`)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {application.status === "selected" || application.status === "matched" ? (
        <p>
          <a className="button" href={`/${locale}/matching`}>
            {t("matching.nav")}
          </a>
        </p>
      ) : null}
      {application.status === "draft" ? (
        <p>
          <a className="button" href={`/${locale}/application`}>
            {t("program.apply")}
          </a>
        </p>
      ) : null}
      {canWithdraw && application.status !== "draft" ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("application.status.withdrawTitle")}</h2>
          <p>{t("application.status.withdrawLead")}</p>
          <ErrorSummary state={state} labels={{ reason: t("application.status.reason") }} />
          <Form method="post" noValidate>
            <TextArea name="reason" label={t("application.status.reason")} state={state} required rows={3} maxLength={1000} characterCount={1000} />
            <button type="submit">{t("application.status.withdraw")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
