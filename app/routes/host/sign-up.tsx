import { Form, redirect, useLoaderData } from "react-router";
import { listLatestCases } from "#src/services/cases/public-cases.ts";
import { signUpHost } from "#src/services/hosts/sign-up-host.ts";
import { CaseCardView } from "../../components/cases/case-card.tsx";
import { ErrorSummary, Field, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { clientIp, readForm, requestContext, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/sign-up";
import { PageTitle } from "../../components/page-title.tsx";

/** The latest case studies: what other companies did with their interns (issue 18). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  return { latestCases: await listLatestCases(rt, locale, 3) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => signUpHost(rt, readForm(form), locale, clientIp(request)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/check-email`);
}

export default function HostSignUp() {
  const { t, locale } = useI18n();
  const formState = useFormState();
  const { latestCases } = useLoaderData<typeof loader>();
  const labels = { name: t("auth.name"), email: t("auth.email"), password: t("auth.password"), passwordConfirm: t("auth.passwordConfirm") };
  return (
    <>
      <PageTitle title={t("hostAuth.signUpTitle")} />
      <h1>{t("hostAuth.signUpTitle")}</h1>
      <p>{t("hostAuth.signUpLead")}</p>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field name="name" label={labels.name} state={formState} required autoComplete="name" />
        <Field name="email" label={labels.email} type="email" state={formState} required autoComplete="email" />
        <Field name="password" label={labels.password} hint={t("auth.passwordHint")} type="password" state={formState} required autoComplete="new-password" />
        <Field name="passwordConfirm" label={labels.passwordConfirm} type="password" state={formState} required autoComplete="new-password" />
        <button type="submit">{t("hostAuth.signUpSubmit")}</button>
      </Form>
      <p>
        <a href={`/${locale}/sign-up`}>{t("hostAuth.applicantSignUp")}</a>
      </p>
      {latestCases.length > 0 ? (
        <section aria-labelledby="latest-cases">
          <h2 id="latest-cases">{t("cases.latest.title")}</h2>
          <ul className="case-list">
            {latestCases.map((c) => (
              <li key={c.number}>
                <CaseCardView c={c} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <a href={`/${locale}/cases`}>{t("cases.latest.all")}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}
