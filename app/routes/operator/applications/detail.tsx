import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { STEPS, STEP_FIELDS } from "#src/services/applications/application-steps.ts";
import { getApplicationDetail } from "#src/services/applications/get-application-detail.ts";
import { OVERRIDABLE_RULES } from "#src/domain/eligibility.ts";
import { isServable } from "#src/domain/malware/clamd-protocol.ts";
import { recordEligibilityOverride } from "#src/services/applications/record-eligibility-override.ts";
import { describeUnmet } from "../../../components/eligibility.tsx";
import { ErrorSummary, Select, SummaryList, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { countryName } from "../../../lib/countries.ts";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { answerText } from "../../../lib/answer-text.ts";
import { personName } from "#src/domain/person-name.ts";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/detail";
import { PageTitle } from "../../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getApplicationDetail(rt, actor, params.id));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => recordEligibilityOverride(rt, actor, params.id, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/applications/${params.id}?overridden=1`);
}

export default function ApplicationDetailPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { application: app, eligibility, history } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const name = personName({
    familyName: app.answers.familyName as string | null,
    givenName: app.answers.givenName as string | null,
    nationality: app.answers.nationality as string | null,
  });
  return (
    <>
      <PageTitle title={name || t("applications.untitled")} />
      <h1>{name || t("applications.untitled")}</h1>
      {search.get("overridden") ? (
        <p className="notice" role="status">
          {t("applications.overrideSaved")}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "status", label: t("applications.status"), value: t(`applicationStatus.${app.status}`) },
          { key: "receipt", label: t("applications.receipt"), value: app.receiptNumber ?? "—" },
          { key: "nationality", label: t("applications.nationality"), value: countryName(app.answers.nationality as string | null, locale) },
        ]}
      />
      <h2>{t("applications.eligibility")}</h2>
      {eligibility.raw.unmet.length === 0 ? (
        <p>{t("applications.eligible")}</p>
      ) : (
        <ul data-testid="unmet">
          {eligibility.raw.unmet.map((u) => (
            <li key={`${u.rule}-${u.code}`}>
              {describeUnmet(u, i18n)}
              {app.overrides.some((o) => o.rule === u.rule) ? ` — ${t("applications.overridden")}` : ""}
            </li>
          ))}
        </ul>
      )}
      {app.overrides.length > 0 ? (
        <ul>
          {app.overrides.map((o) => (
            <li key={o.rule}>
              {t(`eligibility.rules.${o.rule}`)}: {o.reason} (<Instant at={o.decidedAt} />)
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t("applications.overrideTitle")}</h3>
      <ErrorSummary state={state} labels={{ rule: t("applications.overrideRule"), reason: t("applications.overrideReason") }} />
      <Form method="post" noValidate>
        <Select
          name="rule"
          label={t("applications.overrideRule")}
          state={state}
          required
          options={OVERRIDABLE_RULES.map((r) => ({ value: r, label: t(`eligibility.rules.${r}`) }))}
        />
        <TextArea name="reason" label={t("applications.overrideReason")} state={state} required rows={3} />
        <button type="submit">{t("applications.overrideSubmit")}</button>
      </Form>
      <h2>{t("applications.answers")}</h2>
      {STEPS.filter((s) => STEP_FIELDS[s].length > 0).map((s) => (
        <section key={s}>
          <h3>{t(`application.steps.${s}`)}</h3>
          <SummaryList
            rows={STEP_FIELDS[s].map((f) => ({
              key: f.name,
              label: t(`application.fields.${f.name}`),
              value: answerText(
                app.answers[f.name],
                f,
                t,
                (c) => countryName(c, locale),
                (d) => formatDate(d, locale),
              ),
            }))}
          />
        </section>
      ))}
      <h2>{t("application.steps.documents")}</h2>
      <ul>
        {app.documents.map((d) => (
          <li key={d.id}>
            {isServable(d.scanStatus) ? <a href={`/documents/${d.id}`}>{d.originalName}</a> : d.originalName} — {t(`application.options.kind.${d.kind}`)}
            {d.scanStatus === "pending" ? ` — ${t("malwareScanStaff.pending")}` : null}
            {d.scanStatus === "infected" ? ` — ${t("malwareScanStaff.infected", { signature: d.scanFinding ?? "" })}` : null}
            {d.scanStatus === "not_scanned" ? ` — ${t("malwareScanStaff.notScanned")}` : null}
          </li>
        ))}
      </ul>
      <h2>{t("applications.history")}</h2>
      <ul>
        {history.map((h, i) => (
          <li key={i}>
            <Instant at={h.changedAt} />: {h.fromStatus ? t(`applicationStatus.${h.fromStatus}`) : "—"} → {t(`applicationStatus.${h.toStatus}`)}
            {h.reason ? ` (${h.reason})` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
