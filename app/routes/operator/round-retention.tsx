import { Form, useActionData, useLoaderData } from "react-router";
import { getRoundRetention, updateRoundRetention } from "#src/services/privacy/round-retention.ts";
import { ErrorSummary, Field, SummaryList, useFormState } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/round-retention";

/** The operator sets a round's retention schedule (issue 19 item 7): months after the round closes before personal data is erased. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getRoundRetention(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => updateRoundRetention(rt, actor, params.roundId, readForm(form)));
  if (!out.ok) return out.response;
  return { ok: true as const };
}

export default function RoundRetentionPage() {
  const { t, locale } = useI18n();
  const r = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const state = useFormState();
  const round = locale === "ja" ? r.nameJa : r.nameEn;
  const labels = { unselectedMonths: t("rights.retention.unselectedMonths"), participantsMonths: t("rights.retention.participantsMonths") };
  return (
    <>
      <PageTitle title={t("rights.retention.title", { round })} />
      <h1>{t("rights.retention.title", { round })}</h1>
      <p>
        <a href={`/${locale}/operator/rounds/${r.roundId}`}>{t("roundEdit.backToRound")}</a>
      </p>
      {done?.ok ? (
        <p className="notice" role="status" data-testid="retention-saved">
          {t("rights.retention.saved")}
        </p>
      ) : null}
      <p>{t("rights.retention.lead")}</p>
      {r.closesAt ? (
        <SummaryList
          rows={[
            { key: "closes", label: t("rights.retention.closesAt"), value: <Instant at={r.closesAt} /> },
            {
              key: "unselected",
              label: `${t("rights.privacy.unselected")}: ${t("rights.retention.erasedFrom")}`,
              value: r.unselectedErasedFrom ? <Instant at={r.unselectedErasedFrom} /> : "—",
            },
            {
              key: "participants",
              label: `${t("rights.privacy.participants")}: ${t("rights.retention.erasedFrom")}`,
              value: r.participantsErasedFrom ? <Instant at={r.participantsErasedFrom} /> : "—",
            },
          ]}
        />
      ) : (
        <p>{t("rights.retention.noDeadlines")}</p>
      )}
      <ErrorSummary state={state} labels={labels} />
      <Form method="post" noValidate>
        <Field
          name="unselectedMonths"
          label={labels.unselectedMonths}
          hint={t("rights.retention.monthsHint")}
          type="number"
          width="short"
          state={state}
          required
          defaultValue={String(r.unselectedMonths)}
        />
        <Field
          name="participantsMonths"
          label={labels.participantsMonths}
          hint={t("rights.retention.monthsHint")}
          type="number"
          width="short"
          state={state}
          required
          defaultValue={String(r.participantsMonths)}
        />
        <button type="submit">{t("rights.retention.save")}</button>
      </Form>
    </>
  );
}
