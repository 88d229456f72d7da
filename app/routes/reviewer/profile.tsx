import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { REVIEW_LANGUAGES } from "#src/domain/screening/recommendation.ts";
import { getMyReviewerProfile } from "#src/services/screening/get-my-reviewer-profile.ts";
import { saveMyReviewerProfile } from "#src/services/screening/save-my-reviewer-profile.ts";
import { CheckboxGroup, ErrorSummary, Field, TextArea, useFormState } from "../../components/forms/index.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/profile";

const LANGUAGE_NAMES: Record<string, string> = { ja: "日本語", en: "English", vi: "Tiếng Việt", id: "Bahasa Indonesia", zh: "中文", th: "ภาษาไทย" };

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ profile: await getMyReviewerProfile(rt, actor) }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => saveMyReviewerProfile(rt, actor, readForm(form, { multi: ["languages"] })));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/reviewer/profile?saved=1`);
}

export default function ReviewerProfilePage() {
  const { t, locale } = useI18n();
  const { profile } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const labels = {
    languages: t("screening.profile.languages"),
    fields: t("screening.profile.fields"),
    capacity: t("screening.profile.capacity"),
    affiliations: t("screening.profile.affiliations"),
  };
  return (
    <>
      <h1>{t("screening.profile.title")}</h1>
      {search.get("saved") ? (
        <p className="notice" role="status">
          {t("screening.profile.saved")}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/reviewer`}>{t("screening.reviewer.backHome")}</a>
      </p>
      <ErrorSummary state={formState} labels={labels} />
      <Form method="post" noValidate>
        <CheckboxGroup
          name="languages"
          legend={labels.languages}
          state={formState}
          required
          checked={profile.languages}
          options={REVIEW_LANGUAGES.map((l) => ({ value: l, label: <span lang={l}>{LANGUAGE_NAMES[l]}</span> }))}
        />
        <TextArea
          name="fields"
          label={labels.fields}
          hint={t("screening.profile.fieldsHint")}
          state={formState}
          defaultValue={profile.fields.join(", ")}
          rows={2}
        />
        <Field
          name="capacity"
          label={labels.capacity}
          hint={t("screening.profile.capacityHint")}
          type="number"
          width="short"
          state={formState}
          required
          defaultValue={profile.saved ? profile.capacity : ""}
        />
        <TextArea
          name="affiliations"
          label={labels.affiliations}
          hint={t("screening.profile.affiliationsHint")}
          state={formState}
          defaultValue={profile.affiliations.join("\n")}
          rows={4}
        />
        <button type="submit">{t("screening.profile.save")}</button>
      </Form>
    </>
  );
}
