import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { HOST_GOALS } from "#src/domain/host-organization.ts";
import { getMyHostApplication } from "#src/services/hosts/get-my-host-application.ts";
import { removePosition } from "#src/services/hosts/remove-position.ts";
import { saveHostApplication } from "#src/services/hosts/save-host-application.ts";
import { submitHostApplication } from "#src/services/hosts/submit-host-application.ts";
import { withdrawHostApplication } from "#src/services/hosts/withdraw-host-application.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { Checkbox, CheckboxGroup, ErrorSummary, SummaryList, TextArea, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { formatPeriod, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import { Notice } from "../../components/notice.tsx";
import type { Route } from "./+types/round";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

const MULTI = ["goals"] as const;
const PLAN = ["supervisorName", "workGuidance", "housingSupport", "commutingSupport", "insuranceSupport", "arrivalSupport"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const view = await run(request, locale, () => getMyHostApplication(rt, actor, params.roundId));
  return { view, ref: await getHostReferenceLists(rt) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const intent = form.get("intent");
  const here = `/${locale}/host/rounds/${params.roundId}`;
  if (intent === "submit") {
    const out = await runForm(request, locale, form, () => submitHostApplication(rt, actor, params.roundId));
    if (!out.ok) return out.response;
    return redirect(`${here}?submitted=${encodeURIComponent(out.result.receiptNumber)}`);
  }
  if (intent === "withdraw") {
    const out = await runForm(request, locale, form, () => withdrawHostApplication(rt, actor, params.roundId));
    if (!out.ok) return out.response;
    return redirect(`${here}?done=withdrawn`);
  }
  if (intent === "removePosition") {
    const out = await runForm(request, locale, form, () => removePosition(rt, actor, params.roundId, String(form.get("positionId") ?? "")));
    if (!out.ok) return out.response;
    return redirect(`${here}?done=positionRemoved#positions`);
  }
  const out = await runForm(request, locale, form, () => saveHostApplication(rt, actor, params.roundId, readForm(form, { multi: MULTI })));
  if (!out.ok) return out.response;
  return redirect(`${here}?done=saved`);
}

export default function HostRound() {
  const { t, locale } = useI18n();
  const { view, ref } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const app = view.application;
  const editable = view.editable;
  const roundName = locale === "ja" ? view.round.nameJa : view.round.nameEn;
  const prefName = (code: string) => {
    const p = ref.prefectures.find((x) => x.code === code);
    return p ? (locale === "ja" ? p.nameJa : p.nameEn) : code;
  };
  const labels: Record<string, string> = {
    agreesWithPurpose: t("hostApplication.agreementTitle"),
    goals: t("hostApplication.goalsLegend"),
    goalsDescription: t("hostApplication.goalsDescription"),
    ...Object.fromEntries(PLAN.map((k) => [k, t(`hostApplication.${k}`)])),
  };
  const done = search.get("done");
  const submitted = search.get("submitted");
  return (
    <>
      <PageTitle title={`${t("hostApplication.title")}: ${roundName}`} />
      <h1>
        {t("hostApplication.title")}: {roundName}
      </h1>
      <Notice
        text={
          submitted
            ? t("hostApplication.submitted", { receipt: submitted })
            : done === "saved"
              ? t("hostApplication.saved")
              : done === "positionSaved"
                ? t("hostApplication.positionSaved")
                : done === "positionRemoved"
                  ? t("hostApplication.positionRemoved")
                  : done === "withdrawn"
                    ? t("hostEdit.withdrawn")
                    : null
        }
      />
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      <SummaryList
        rows={[
          { key: "organization", label: t("hostOrg.title"), value: view.organizationName },
          { key: "closes", label: t("hostApplication.closes"), value: view.round.closesAt ? <Instant at={view.round.closesAt} /> : "—" },
          { key: "status", label: t("hostApplication.status"), value: t(`hostStatus.${app?.status ?? "draft"}`), testId: "host-application-status" },
          app?.receiptNumber ? { key: "receipt", label: t("hostApplication.receipt"), value: app.receiptNumber, testId: "host-application-receipt" } : null,
          app?.submittedAt ? { key: "submittedAt", label: t("hostApplication.submittedAt"), value: <Instant at={app.submittedAt} /> } : null,
        ]}
      />
      {app?.decidedAt ? (
        <section aria-labelledby="decision-title" className="decision">
          <h2 id="decision-title">{t("hostApplication.decisionTitle")}</h2>
          <p data-testid="host-decision">{t(`hostStatus.${app.status}`)}</p>
          <p>
            {t("hostApplication.reason")}: {app.decisionReason}
          </p>
        </section>
      ) : null}
      {view.readOnlyReason ? (
        <p className="notice" data-testid="host-read-only">
          {t(`hostEdit.readOnly.${view.readOnlyReason}`)}
        </p>
      ) : null}
      {app?.organizationSnapshot ? (
        <section aria-labelledby="snapshot-title">
          <h2 id="snapshot-title">{t("hostEdit.snapshotTitle")}</h2>
          <p>{t("hostEdit.snapshotLead")}</p>
          <SummaryList
            rows={[
              { key: "nameJa", label: t("hostOrg.nameJa"), value: app.organizationSnapshot.nameJa, testId: "snapshot-name" },
              { key: "prefecture", label: t("hostOrg.prefecture"), value: prefName(app.organizationSnapshot.prefectureCode) },
              { key: "employees", label: t("hostOrg.employees"), value: String(app.organizationSnapshot.employees), testId: "snapshot-employees" },
            ]}
          />
        </section>
      ) : null}

      <h2>{t("hostApplication.agreementTitle")}</h2>
      <Form method="post" noValidate>
        <fieldset disabled={!editable}>
          <legend className="visually-hidden">{t("hostApplication.agreementTitle")}</legend>
          <Checkbox
            name="agreesWithPurpose"
            label={t("hostApplication.agreesWithPurpose")}
            value="yes"
            state={formState}
            checked={Boolean(app?.agreesWithPurpose)}
          />
          <CheckboxGroup
            name="goals"
            legend={labels.goals!}
            state={formState}
            required
            checked={app?.goals ?? []}
            options={HOST_GOALS.map((g) => ({ value: g, label: t(`hostApplication.goals.${g}`) }))}
          />
          <TextArea name="goalsDescription" label={labels.goalsDescription!} state={formState} required defaultValue={app?.goalsDescription} />
          <h3>{t("hostApplication.supportTitle")}</h3>
          {PLAN.map((k) =>
            k === "supervisorName" ? (
              <TextArea key={k} name={k} label={labels[k]!} state={formState} required rows={1} defaultValue={app?.supervisorName} />
            ) : (
              <TextArea key={k} name={k} label={labels[k]!} state={formState} required rows={3} defaultValue={app?.[k]} />
            ),
          )}
          <input type="hidden" name="intent" value="save" />
          <button type="submit">{t("hostApplication.save")}</button>
        </fieldset>
      </Form>

      <h2 id="positions">{t("hostApplication.positionsTitle")}</h2>
      {view.positions.length === 0 ? (
        <p>{t("hostApplication.noPositions")}</p>
      ) : (
        <table className="stack-narrow">
          <caption>{t("hostApplication.positionsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hostApplication.positionTitle")}</th>
              <th scope="col">{t("hostApplication.prefecture")}</th>
              <th scope="col">{t("hostApplication.capacity")}</th>
              <th scope="col">{t("hostApplication.language")}</th>
              <th scope="col">{t("hostApplication.period")}</th>
              {editable ? <th scope="col">{t("hostApplication.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.positions.map((p) => (
              <tr key={p.id}>
                <td data-label={t("hostApplication.positionTitle")}>{p.title}</td>
                <td data-label={t("hostApplication.prefecture")}>
                  {prefName(p.prefectureCode)}
                  {p.mode === "online" ? ` (${t("hostEdit.modes.online")})` : ""}
                </td>
                <td data-label={t("hostApplication.capacity")}>{t("hostApplication.capacityValue", { n: p.capacity })}</td>
                <td data-label={t("hostApplication.language")}>{t(`hostApplication.languages.${p.language}`)}</td>
                <td data-label={t("hostApplication.period")}>{formatPeriod(p.periodStart, p.periodEnd, locale)}</td>
                {editable ? (
                  <td data-label={t("hostApplication.actions")}>
                    <div className="inline-actions">
                      <a href={`/${locale}/host/rounds/${view.round.id}/positions/${p.id}`}>{t("hostApplication.change", { title: p.title })}</a>
                      <Form method="post">
                        <input type="hidden" name="intent" value="removePosition" />
                        <input type="hidden" name="positionId" value={p.id} />
                        <button type="submit" className="link-button">
                          {t("hostApplication.remove", { title: p.title })}
                        </button>
                      </Form>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editable && app ? (
        <p>
          <a className="button" href={`/${locale}/host/rounds/${view.round.id}/positions/new`}>
            {t("hostApplication.addPosition")}
          </a>
        </p>
      ) : null}

      {editable && app && (app.status === "draft" || app.status === "changes_requested") ? (
        <>
          <h2>{t("hostApplication.submitTitle")}</h2>
          <p>{t("hostApplication.submitLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <button type="submit">{t("hostApplication.submit")}</button>
          </Form>
        </>
      ) : null}
      {view.withdrawable ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t("hostEdit.withdrawTitle")}</h2>
          <p>{t("hostEdit.withdrawLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="secondary">
              {t("hostEdit.withdraw")}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <a href={`/${locale}/host`}>{t("hostOrg.title")}</a>
      </p>
    </>
  );
}
