import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { LOCALES, LOCALE_NAMES } from "#src/i18n/locales.ts";
import { authorize } from "#src/services/authorize.ts";
import { previewMessage } from "#src/services/messages/preview-message.ts";
import { sendMessage } from "#src/services/messages/send-message.ts";
import { listRegionChoices } from "#src/services/messages/list-region-choices.ts";
import { listSessionChoices } from "#src/services/messages/list-session-choices.ts";
import { HOST_APPLICATION_STATUSES } from "#src/domain/host-organization.ts";
import { AUDIENCE_APPLICATION_STATUSES, AUDIENCE_KINDS, REGISTRANT_STATUSES } from "#src/services/messages/message-schemas.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { ErrorSummary, Field, Fieldset, type FormState, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm, typedValues } from "../../../lib/request.server.ts";
import type { Route } from "./+types/new";
import { Refusal } from "../../../components/refusal.tsx";
import { PageTitle } from "../../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => {
    authorize(actor, "round.manage");
    const rounds = await listRounds(rt, actor, { page: 1, size: 100 });
    return {
      rounds: rounds.items.map((r) => ({ id: r.id, name: locale === "ja" ? r.nameJa : r.nameEn })),
      sessions: await listSessionChoices(rt, actor, locale),
      regions: await listRegionChoices(rt, locale),
    };
  });
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const input = readForm(form);
  if (String(form.get("intent")) === "send") {
    const out = await runForm(request, locale, form, () => sendMessage(rt, actor, input));
    if (!out.ok) return out.response;
    return redirect(`/${locale}/operator/messages/${out.result.id}?done=sent`);
  }
  const out = await runForm(request, locale, form, () => previewMessage(rt, actor, input));
  if (!out.ok) return out.response;
  return { ok: true as const, preview: out.result, values: typedValues(form) };
}

export default function NewMessage() {
  const { t } = useI18n();
  const { rounds, sessions, regions } = useLoaderData<typeof loader>();
  const failed = useFormState();
  const data = useActionData<typeof action>();
  const preview = data && "preview" in data ? data.preview : null;
  const state: FormState | undefined = failed ?? (data && "values" in data ? { values: data.values as Record<string, string> } : undefined);
  const labels: Record<string, string> = {
    audience: t("messagesStaff.audience"),
    roundId: t("messagesStaff.round"),
    applicationStatus: t("messagesStaff.applicationStatus"),
    hostStatus: t("messagesStaff.hostStatus"),
    regionCode: t("messagesStaff.region"),
    sessionId: t("messagesStaff.session"),
    registrantStatus: t("messagesStaff.registrantStatus"),
    ...Object.fromEntries(LOCALES.map((l) => [`subjects.${l}`, t("messagesStaff.subjectIn", { language: LOCALE_NAMES[l] })])),
    ...Object.fromEntries(LOCALES.map((l) => [`bodies.${l}`, t("messagesStaff.bodyIn", { language: LOCALE_NAMES[l] })])),
  };
  const any = t("messagesStaff.any");
  return (
    <>
      <PageTitle title={t("messagesStaff.newTitle")} />
      <h1>{t("messagesStaff.newTitle")}</h1>
      <Refusal />
      <ErrorSummary state={failed} labels={labels} />
      {preview ? (
        <section aria-labelledby="preview-title" className="notice">
          <h2 id="preview-title">{t("messagesStaff.previewTitle")}</h2>
          <p role="status" data-testid="preview-count">
            {t("messagesStaff.recipientCount", { count: preview.recipients })}
          </p>
          {preview.samples.map((s) => (
            <article key={s.locale} aria-labelledby={`sample-${s.locale}`} data-testid={`sample-${s.locale}`}>
              <h3 id={`sample-${s.locale}`}>{t("messagesStaff.sampleTitle", { language: LOCALE_NAMES[s.locale], count: s.recipients })}</h3>
              <p>{t("messagesStaff.sampleFor", { name: s.sampleName })}</p>
              <div lang={s.locale}>
                <p>
                  <strong>{s.subject}</strong>
                </p>
                <p className="mail-body">{s.body}</p>
              </div>
            </article>
          ))}
        </section>
      ) : null}
      <Form method="post" noValidate>
        <Fieldset legend={t("messagesStaff.audienceLegend")} hint={t("messagesStaff.audienceHint")}>
          <Select
            name="audience"
            label={labels.audience!}
            state={state}
            required
            options={AUDIENCE_KINDS.map((a) => ({ value: a, label: t(`messagesStaff.audiences.${a}`) }))}
          />
          <Select
            name="roundId"
            label={labels.roundId!}
            state={state}
            placeholder={any}
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
            defaultValue={rounds[0]?.id ?? ""}
          />
          <Select
            name="applicationStatus"
            label={labels.applicationStatus!}
            state={state}
            defaultValue="submitted"
            options={AUDIENCE_APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`messagesStaff.applicationStatuses.${s}`) }))}
          />
          <Select
            name="hostStatus"
            label={labels.hostStatus!}
            state={state}
            placeholder={any}
            options={HOST_APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`messagesStaff.hostStatuses.${s}`) }))}
          />
          <Select
            name="regionCode"
            label={labels.regionCode!}
            state={state}
            placeholder={any}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
          <Select name="sessionId" label={labels.sessionId!} state={state} placeholder={any} options={sessions.map((s) => ({ value: s.id, label: s.title }))} />
          <Select
            name="registrantStatus"
            label={labels.registrantStatus!}
            state={state}
            options={REGISTRANT_STATUSES.map((s) => ({ value: s, label: t(`messagesStaff.registrantStatuses.${s}`) }))}
          />
        </Fieldset>
        <Fieldset legend={t("messagesStaff.textsLegend")} hint={t("messagesStaff.textsHint", { placeholder: "{name}" })}>
          {LOCALES.map((l) => (
            <div key={l}>
              <Field name={`subjects.${l}`} label={labels[`subjects.${l}`]!} state={state} required={l === "ja" || l === "en"} />
              <TextArea name={`bodies.${l}`} label={labels[`bodies.${l}`]!} state={state} required={l === "ja" || l === "en"} rows={5} />
            </div>
          ))}
        </Fieldset>
        <button type="submit" name="intent" value="preview">
          {t("messagesStaff.preview")}
        </button>{" "}
        {preview && preview.recipients > 0 ? (
          <button type="submit" name="intent" value="send">
            {t("messagesStaff.send", { count: preview.recipients })}
          </button>
        ) : null}
      </Form>
    </>
  );
}
