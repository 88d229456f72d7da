import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { completeTrainingModule, getTrainingModule } from "#src/services/host-training/complete-training-module.ts";
import { ErrorSummary, RadioGroup, useFormState } from "../../../components/forms/index.ts";
import { Notice } from "../../../components/notice.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/module";

/** One e-learning module (ADR 0038): its content, then a short check; all answers right records the module as completed. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getTrainingModule(rt, actor, params.module));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => completeTrainingModule(rt, actor, params.module, readForm(form)));
  return out.ok ? redirect(`/${locale}/host/training/${params.module}?passed=1`) : out.response;
}

export default function TrainingModulePage() {
  const { t, locale } = useI18n();
  const { module: mod, completedAt } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const key = `hostTraining.modules.${mod.code}`;
  const title = t(`${key}.title`);
  const labels = Object.fromEntries(mod.questions.map((q) => [q.id, t(`${key}.questions.${q.id}.text`)]));
  const paragraphs = Array.from({ length: mod.paragraphs }, (_, i) => `p${i + 1}`);
  return (
    <>
      <PageTitle title={t("hostTraining.moduleTitle", { title })} />
      <h1>{t("hostTraining.moduleTitle", { title })}</h1>
      <Notice text={search.get("passed") ? t("hostTraining.passed") : null} />
      {completedAt && !search.get("passed") ? (
        <p data-testid="module-done">{t("hostTraining.alreadyDone", { date: formatDate(completedAt, locale) })}</p>
      ) : null}
      <article aria-labelledby="module-content">
        <h2 id="module-content">{title}</h2>
        {paragraphs.map((p) => (
          <p key={p}>{t(`${key}.${p}`)}</p>
        ))}
      </article>
      <section aria-labelledby="check-title">
        <h2 id="check-title">{t("hostTraining.checkTitle")}</h2>
        <p>{t("hostTraining.checkLead")}</p>
        <ErrorSummary state={state} labels={labels} />
        <Form method="post" noValidate>
          {mod.questions.map((q) => (
            <RadioGroup
              key={q.id}
              name={q.id}
              legend={labels[q.id]}
              state={state}
              required
              options={q.options.map((o) => ({ value: o, label: t(`${key}.questions.${q.id}.options.${o}`) }))}
            />
          ))}
          <button type="submit">{t("hostTraining.submit")}</button>
        </Form>
      </section>
      <p>
        <a href={`/${locale}/host/training`}>{t("hostTraining.back")}</a>
      </p>
    </>
  );
}
