import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { CHECK_IN_KINDS } from "#src/services/internship/check-ins.ts";
import { listScheduledCheckIns, scheduleCheckIn } from "#src/services/internship/upcoming-check-ins.ts";
import { ErrorSummary, Field, Select, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/schedule-check-ins";

/** The operator schedules check-ins ahead (ADR 0039); the intern and the host see them on their pages. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listScheduledCheckIns(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => scheduleCheckIn(rt, actor, readForm(form)));
  return out.ok ? redirect(`/${locale}/operator/rounds/${params.roundId}/check-ins/schedule?done=1`) : out.response;
}

export default function ScheduleCheckIns() {
  const { t, locale } = useI18n();
  const { round, placements, upcoming } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const k = "internshipOutcomes.schedule";
  const labels = { placementId: t(`${k}.placement`), kind: t(`${k}.kind`), day: t(`${k}.day`) };
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  return (
    <>
      <PageTitle title={`${t(`${k}.title`)}: ${roundName}`} />
      <h1>
        {t(`${k}.title`)}: {roundName}
      </h1>
      <p className="lead">{t(`${k}.lead`)}</p>
      <Notice text={search.get("done") ? t(`${k}.scheduled`) : null} />
      <Refusal />
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/check-ins`}>{t("internshipPeriodStaff.checkIns.link")}</a>
      </p>
      <ErrorSummary state={state} labels={labels} />
      <Form method="post" noValidate>
        <Select name="placementId" label={labels.placementId} state={state} required options={placements.map((p) => ({ value: p.id, label: p.internName }))} />
        <Select
          name="kind"
          label={labels.kind}
          state={state}
          required
          options={CHECK_IN_KINDS.map((c) => ({ value: c, label: t(`internshipOutcomes.checkInKinds.${c}`) }))}
        />
        <Field name="day" label={labels.day} hint={t("internshipStaff.create.dateHint")} type="date" width="medium" state={state} required />
        <button type="submit">{t(`${k}.submit`)}</button>
      </Form>
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t(`${k}.upcomingTitle`)}</h2>
        {upcoming.length === 0 ? (
          <p>{t(`${k}.upcomingNone`)}</p>
        ) : (
          <ul>
            {upcoming.map((c) => (
              <li key={c.id} data-testid="scheduled-check-in">
                {formatDate(c.day, locale)} — {c.internName} — {t(`internshipOutcomes.checkInKinds.${c.kind}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
