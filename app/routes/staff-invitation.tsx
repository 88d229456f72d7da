import { Form, redirect, useLoaderData } from "react-router";
import { acceptStaffInvitation } from "#src/services/staff/accept-staff-invitation.ts";
import { findOpenStaffInvitation } from "#src/services/staff/find-open-staff-invitation.ts";
import { ErrorSummary, Field, useFormState } from "../components/forms/index.ts";
import { useI18n } from "../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../lib/request.server.ts";
import type { Route } from "./+types/staff-invitation";
import { PageTitle } from "../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  return run(request, locale, () => findOpenStaffInvitation(rt, params.token));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => acceptStaffInvitation(rt, params.token, readForm(form), locale));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/sign-in`);
}

export default function StaffInvitation() {
  const { t } = useI18n();
  const invitation = useLoaderData<typeof loader>();
  const formState = useFormState();
  const labels = { name: t("auth.name"), password: t("auth.password"), passwordConfirm: t("auth.passwordConfirm") };
  return (
    <>
      <PageTitle title={t("staff.acceptTitle")} />
      <h1>{t("staff.acceptTitle")}</h1>
      <p>{t("staff.acceptLead", { email: invitation.email, role: t(`roles.${invitation.role}`) })}</p>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field name="name" label={labels.name} state={formState} required autoComplete="name" />
        <Field name="password" label={labels.password} hint={t("auth.passwordHint")} type="password" state={formState} required autoComplete="new-password" />
        <Field name="passwordConfirm" label={labels.passwordConfirm} type="password" state={formState} required autoComplete="new-password" />
        <button type="submit">{t("staff.acceptSubmit")}</button>
      </Form>
    </>
  );
}
