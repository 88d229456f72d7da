import { Form, redirect, useSearchParams } from "react-router";
import { STAFF_INVITABLE_ROLES } from "#src/domain/roles.ts";
import { authorize } from "#src/services/authorize.ts";
import { inviteStaff } from "#src/services/staff/invite-staff.ts";
import { ErrorSummary, Field, Select, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/staff";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { actor, locale } = await requestContext(request, params);
  await run(request, locale, async () => authorize(actor, "staff.invite"));
  return null;
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => inviteStaff(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/staff?invited=1`);
}

export default function Staff() {
  const { t, locale } = useI18n();
  const formState = useFormState();
  const [search] = useSearchParams();
  const labels = { email: t("auth.email"), role: t("account.role"), locale: t("account.language") };
  return (
    <>
      <PageTitle title={t("staff.inviteTitle")} />
      <h1>{t("staff.inviteTitle")}</h1>
      {search.get("invited") ? (
        <p className="notice" role="status">
          {t("staff.invited")}
        </p>
      ) : null}
      <p>{t("staff.inviteLead")}</p>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <Field name="email" label={labels.email} type="email" state={formState} required />
        <Select name="role" label={labels.role} state={formState} required options={STAFF_INVITABLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <Select
          name="locale"
          label={labels.locale}
          state={formState}
          defaultValue={locale}
          options={[
            { value: "ja", label: "日本語" },
            { value: "en", label: "English" },
          ]}
        />
        <button type="submit">{t("staff.inviteSubmit")}</button>
      </Form>
    </>
  );
}
