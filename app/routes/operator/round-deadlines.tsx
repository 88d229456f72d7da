import { Form, useActionData, useLoaderData } from "react-router";
import { instantToTokyoLocal } from "#src/domain/time.ts";
import { getRoundSettings } from "#src/services/rounds/get-round-settings.ts";
import { updateRoundDeadlines } from "#src/services/rounds/update-round-deadlines.ts";
import { ErrorSummary, Field, Fieldset, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/round-deadlines";
import { PageTitle } from "../../components/page-title.tsx";

/** The operator sets or moves a round's deadlines, in any phase; once the round is public, those affected are told by e-mail. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getRoundSettings(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => updateRoundDeadlines(rt, actor, params.roundId, readForm(form)));
  if (!out.ok) return out.response;
  return { ok: true as const, changed: out.result.changed.length, announcedTo: out.result.announcedTo };
}

export default function RoundDeadlinesPage() {
  const { t, locale } = useI18n();
  const s = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const formState = useFormState();
  const labels = Object.fromEntries(s.deadlines.map((d) => [`deadlines.${d.kind}`, t(`deadlines.${d.kind}`)]));
  return (
    <>
      <PageTitle title={t("roundEdit.deadlinesTitle", { round: locale === "ja" ? s.nameJa : s.nameEn })} />
      <h1>{t("roundEdit.deadlinesTitle", { round: locale === "ja" ? s.nameJa : s.nameEn })}</h1>
      <p>
        <a href={`/${locale}/operator/rounds/${s.id}`}>{t("roundEdit.backToRound")}</a>
      </p>
      {done?.ok ? (
        <p className="notice" role="status" data-testid="deadlines-saved">
          {t("roundEdit.deadlinesSaved", { changed: done.changed, people: done.announcedTo })}
        </p>
      ) : null}
      <p>{s.phase === "draft" ? t("roundEdit.deadlinesDraft") : t("roundEdit.deadlinesAnnounced")}</p>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Fieldset legend={t("round.deadlinesLegend")} hint={t("round.deadlinesHint")}>
          {s.deadlines.map((d) => (
            <Field
              key={d.kind}
              name={`deadlines.${d.kind}`}
              label={labels[`deadlines.${d.kind}`]!}
              type="datetime-local"
              state={formState}
              defaultValue={d.dueAt ? instantToTokyoLocal(new Date(d.dueAt)) : ""}
            />
          ))}
        </Fieldset>
        <button type="submit">{t("roundEdit.saveDeadlines")}</button>
      </Form>
    </>
  );
}
