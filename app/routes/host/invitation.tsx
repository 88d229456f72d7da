import { Form, redirect, useLoaderData, useLocation } from "react-router";
import { acceptHostInvitation } from "#src/services/hosts/accept-host-invitation.ts";
import { findOpenHostInvitation } from "#src/services/hosts/find-open-host-invitation.ts";
import { ErrorSummary, Field, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/invitation";
import { Refusal } from "../../components/refusal.tsx";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const inv = await run(request, locale, () => findOpenHostInvitation(rt, params.token));
  return { ...inv, signedInAsInvitee: Boolean(actor && actor.email.toLowerCase() === inv.email.toLowerCase()) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => acceptHostInvitation(rt, actor, params.token, readForm(form), locale));
  if (!out.ok) return out.response;
  return redirect(out.result.createdAccount ? `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/host?joined=1`)}` : `/${locale}/host?joined=1`);
}

export default function HostInvitation() {
  const { t, locale } = useI18n();
  const inv = useLoaderData<typeof loader>();
  const formState = useFormState();
  const { pathname } = useLocation();
  const labels = { name: t("auth.name"), password: t("auth.password"), passwordConfirm: t("auth.passwordConfirm") };
  return (
    <>
      <PageTitle title={t("hostOrg.invitationTitle", { organization: inv.organizationName })} />
      <h1>{t("hostOrg.invitationTitle", { organization: inv.organizationName })}</h1>
      <p>{t("hostOrg.invitationLead", { organization: inv.organizationName, role: inv.orgRole, email: inv.email })}</p>
      <Refusal />
      <ErrorSummary state={formState} labels={labels} />
      {!inv.hasAccount ? (
        <>
          <p>{t("hostOrg.invitationNewAccount")}</p>
          <Form method="post" noValidate>
            <Field name="name" label={labels.name} state={formState} required autoComplete="name" />
            <Field
              name="password"
              label={labels.password}
              hint={t("auth.passwordHint")}
              type="password"
              state={formState}
              required
              autoComplete="new-password"
            />
            <Field name="passwordConfirm" label={labels.passwordConfirm} type="password" state={formState} required autoComplete="new-password" />
            <button type="submit">{t("hostOrg.createAccountSubmit")}</button>
          </Form>
        </>
      ) : inv.signedInAsInvitee ? (
        <Form method="post">
          <button type="submit">{t("hostOrg.acceptSubmit")}</button>
        </Form>
      ) : (
        <>
          <p>{t("hostOrg.invitationSignIn", { email: inv.email })}</p>
          <p>
            <a href={`/${locale}/sign-in?next=${encodeURIComponent(pathname)}`}>{t("hostOrg.signInToAccept")}</a>
          </p>
        </>
      )}
    </>
  );
}
