/** The operator's session form, shared by "new session" and "edit session". */
import { Form } from "react-router";
import { LOCALES, LOCALE_NAMES } from "#src/i18n/locales.ts";
import { ErrorSummary, Field, Fieldset, type FormState, Select, TextArea } from "../../../components/forms/index.ts";
import { countryOptions } from "../../../lib/countries.ts";
import { useI18n } from "../../../lib/i18n.tsx";

export function SessionForm({
  state,
  values,
  rounds,
  submitLabel,
}: {
  state: FormState | undefined;
  values: Record<string, string>;
  rounds: { id: string; name: string }[];
  submitLabel: string;
}) {
  const { t, locale } = useI18n();
  const merged: FormState = { ...state, values: { ...values, ...state?.values } };
  const labels: Record<string, string> = {
    roundId: t("sessionsStaff.round"),
    mode: t("sessionsStaff.mode"),
    meetingUrl: t("sessionsStaff.meetingUrl"),
    venue: t("sessionsStaff.venue"),
    city: t("sessionsStaff.city"),
    countryCode: t("sessionsStaff.country"),
    timeZone: t("sessionsStaff.timeZone"),
    startsAt: t("sessionsStaff.startsAt"),
    endsAt: t("sessionsStaff.endsAt"),
    language: t("sessionsStaff.language"),
    capacity: t("sessionsStaff.capacity"),
    partnerOrganization: t("sessionsStaff.partnerOrganization"),
    audience: t("sessionsStaff.audience"),
    ...Object.fromEntries(LOCALES.map((l) => [`titles.${l}`, t("sessionsStaff.titleIn", { language: LOCALE_NAMES[l] })])),
    ...Object.fromEntries(LOCALES.map((l) => [`descriptions.${l}`, t("sessionsStaff.descriptionIn", { language: LOCALE_NAMES[l] })])),
  };
  return (
    <>
      <ErrorSummary state={state} labels={labels} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save" />
        <Select name="roundId" label={labels.roundId!} state={merged} required options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
        <Fieldset legend={t("sessionsStaff.textsLegend")} hint={t("sessionsStaff.textsHint")}>
          {LOCALES.map((l) => (
            <div key={l}>
              <Field name={`titles.${l}`} label={labels[`titles.${l}`]!} state={merged} required={l === "ja" || l === "en"} />
              <TextArea name={`descriptions.${l}`} label={labels[`descriptions.${l}`]!} state={merged} rows={3} />
            </div>
          ))}
        </Fieldset>
        <Fieldset legend={t("sessionsStaff.placeLegend")}>
          <Select
            name="mode"
            label={labels.mode!}
            state={merged}
            required
            options={[
              { value: "in_person", label: t("sessionsStaff.modes.in_person") },
              { value: "online", label: t("sessionsStaff.modes.online") },
            ]}
          />
          <Field name="meetingUrl" label={labels.meetingUrl!} hint={t("sessionsStaff.meetingUrlHint")} state={merged} type="url" />
          <Field name="venue" label={labels.venue!} state={merged} />
          <Field name="city" label={labels.city!} state={merged} />
          <Select name="countryCode" label={labels.countryCode!} state={merged} placeholder={t("sessionsStaff.noCountry")} options={countryOptions(locale)} />
        </Fieldset>
        <Fieldset legend={t("sessionsStaff.timeLegend")}>
          <Field name="timeZone" label={labels.timeZone!} hint={t("sessionsStaff.timeZoneHint")} state={merged} required defaultValue="Asia/Tokyo" />
          <Field name="startsAt" label={labels.startsAt!} state={merged} type="datetime-local" required />
          <Field name="endsAt" label={labels.endsAt!} state={merged} type="datetime-local" required />
        </Fieldset>
        <Select name="language" label={labels.language!} state={merged} required options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        <Field name="capacity" label={labels.capacity!} state={merged} required type="number" width="short" />
        <Field name="partnerOrganization" label={labels.partnerOrganization!} hint={t("sessionsStaff.partnerHint")} state={merged} />
        <Select
          name="audience"
          label={labels.audience!}
          state={merged}
          required
          options={(["applicants", "hosts", "both"] as const).map((a) => ({ value: a, label: t(`sessionsStaff.audiences.${a}`) }))}
        />
        <button type="submit">{submitLabel}</button>
      </Form>
    </>
  );
}
