import { Form, redirect } from "react-router";
import { declineSelectedPlace } from "#src/services/selection/decline-selected-place.ts";
import { ErrorSummary, TextArea, useFormState } from "../../components/forms/index.ts";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/decline-place";

/** A selected applicant declines their place (issue 14); the place goes to the waiting list. */
export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => declineSelectedPlace(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/application/status`);
}

export default function DeclinePlace() {
  const { t } = useI18n();
  const state = useFormState();
  return (
    <>
      <h1>{t("interviews.decline.title")}</h1>
      <Refusal />
      <ErrorSummary state={state} labels={{ reason: t("interviews.decline.reason") }} />
      <p>{t("interviews.decline.lead")}</p>
      <Form method="post">
        <TextArea name="reason" label={t("interviews.decline.reason")} state={state} characterCount={1000} />
        <button type="submit">{t("interviews.decline.button")}</button>
      </Form>
    </>
  );
}
