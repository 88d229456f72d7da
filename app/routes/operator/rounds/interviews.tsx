import { Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { createInterviewSlots } from "#src/services/interviews/create-interview-slots.ts";
import { inviteToInterview } from "#src/services/interviews/invite-to-interview.ts";
import { listInterviewSlots } from "#src/services/interviews/list-interview-slots.ts";
import { previewInterviewInvitations } from "#src/services/interviews/preview-interview-invitations.ts";
import { CheckboxGroup, ErrorSummary, Field, RadioGroup, Select, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/interviews";
import { PageTitle } from "../../../components/page-title.tsx";

/** The operator's interview slots for a round (issue 14): create a day of slots in Asia/Tokyo, invite, see bookings. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listInterviewSlots(rt, actor, params.roundId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const base = `/${locale}/operator/rounds/${params.roundId}/interviews`;
  if (form.get("intent") === "invite-preview") {
    const out = await runForm(request, locale, form, () => previewInterviewInvitations(rt, actor, params.roundId, readForm(form)));
    if (!out.ok) return out.response;
    return { ok: true as const, preview: out.result };
  }
  if (form.get("intent") === "invite") {
    const out = await runForm(request, locale, form, () => inviteToInterview(rt, actor, params.roundId, String(form.get("stage") ?? ""), readForm(form)));
    if (!out.ok) return out.response;
    return redirect(`${base}?invited=${out.result.invited}`);
  }
  const out = await runForm(request, locale, form, () => createInterviewSlots(rt, actor, params.roundId, readForm(form, { multi: ["interviewers"] })));
  if (!out.ok) return out.response;
  return redirect(`${base}?created=${out.result.created}`);
}

export default function RoundInterviews() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const state = useFormState();
  const acted = useActionData<typeof action>();
  const preview = acted && "preview" in acted ? acted.preview : null;
  const [search] = useSearchParams();
  const stageOptions = [
    { value: "first", label: t("interviewsStaff.stages.first") },
    { value: "second", label: t("interviewsStaff.stages.second") },
  ];
  const labels = {
    stage: t("interviewsStaff.stage"),
    date: t("interviewsStaff.date"),
    from: t("interviewsStaff.from"),
    until: t("interviewsStaff.until"),
    lengthMinutes: t("interviewsStaff.lengthMinutes"),
    breakMinutes: t("interviewsStaff.breakMinutes"),
    capacity: t("interviewsStaff.capacity"),
    interviewers: t("interviewsStaff.interviewers"),
    place: t("interviewsStaff.placeLabel"),
    meetingUrl: t("interviewsStaff.meetingUrl"),
    mode: t("selectionOffersStaff.invite.mode"),
    top: t("selectionOffersStaff.invite.top"),
    receiptNumbers: t("selectionOffersStaff.invite.receiptNumbers"),
    arrangement: t("selectionOffersStaff.slots.arrangement"),
  };
  const roundName = locale === "ja" ? data.round.nameJa : data.round.nameEn;
  return (
    <>
      <PageTitle title={t("interviewsStaff.title", { round: roundName })} />
      <h1>{t("interviewsStaff.title", { round: roundName })}</h1>
      <p>
        <a href={`/${locale}/operator/rounds/${data.round.id}/selection`}>{t("interviewsStaff.toSelection")}</a>
      </p>
      {search.get("created") ? (
        <p className="notice" role="status">
          {t("interviewsStaff.created", { count: Number(search.get("created")) })}
        </p>
      ) : null}
      {search.get("invited") ? (
        <p className="notice" role="status">
          {t("interviewsStaff.invitedNotice", { count: Number(search.get("invited")) })}
        </p>
      ) : null}
      <Refusal />
      <ErrorSummary state={state} labels={labels} />

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t("interviewsStaff.inviteTitle")}</h2>
        <p>
          {t("interviewsStaff.inviteLead", {
            count: data.inInterviewStatus,
            first: data.invited.first ?? 0,
            second: data.invited.second ?? 0,
          })}
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="invite-preview" />
          <Select name="stage" id="invite-stage" label={labels.stage} options={stageOptions} defaultValue={preview?.stage ?? "first"} />
          <RadioGroup
            name="mode"
            legend={labels.mode}
            state={state}
            defaultValue={preview?.choice.mode ?? "all"}
            options={[
              { value: "all", label: t("selectionOffersStaff.invite.modes.all") },
              { value: "top", label: t("selectionOffersStaff.invite.modes.top") },
              { value: "list", label: t("selectionOffersStaff.invite.modes.list") },
            ]}
          />
          <Field
            name="top"
            type="number"
            label={labels.top}
            hint={t("selectionOffersStaff.invite.topHint")}
            state={state}
            width="short"
            defaultValue={preview?.choice.mode === "top" ? preview.choice.count : null}
          />
          <TextArea
            name="receiptNumbers"
            label={labels.receiptNumbers}
            hint={t("selectionOffersStaff.invite.receiptNumbersHint")}
            state={state}
            rows={3}
            defaultValue={preview?.choice.mode === "list" ? preview.choice.receiptNumbers.join("\n") : null}
          />
          <button type="submit">{t("selectionOffersStaff.invite.previewButton")}</button>
        </Form>
        {preview ? (
          <div data-testid="invite-preview">
            <h3>{t("selectionOffersStaff.invite.previewTitle")}</h3>
            <p role="status">
              {t("selectionOffersStaff.invite.previewCount", {
                count: preview.count,
                already: preview.alreadyInvited,
                stage: t(`interviewsStaff.stages.${preview.stage}`),
              })}
            </p>
            {preview.unknown.length > 0 ? <p>{t("selectionOffersStaff.invite.previewUnknown", { numbers: preview.unknown.join(", ") })}</p> : null}
            {preview.first.length > 0 ? (
              <table>
                <caption>{t("selectionOffersStaff.invite.previewCaption", { shown: preview.first.length, count: preview.count })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("selectionOffersStaff.invite.receiptNumber")}</th>
                    <th scope="col">{t("selectionOffersStaff.invite.name")}</th>
                    <th scope="col">{t("selectionOffersStaff.invite.documentScore")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.first.map((p) => (
                    <tr key={p.receiptNumber ?? p.name}>
                      <td>{p.receiptNumber ?? "—"}</td>
                      <td>{p.name}</td>
                      <td>{p.documentScore === null ? "—" : p.documentScore.toFixed(1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {preview.count > 0 && preview.unknown.length === 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="invite" />
                <input type="hidden" name="stage" value={preview.stage} />
                <input type="hidden" name="mode" value={preview.choice.mode} />
                {preview.choice.mode === "top" ? <input type="hidden" name="top" value={preview.choice.count} /> : null}
                {preview.choice.mode === "list" ? <input type="hidden" name="receiptNumbers" value={preview.choice.receiptNumbers.join("\n")} /> : null}
                <button type="submit">{t("selectionOffersStaff.invite.sendButton", { count: preview.count })}</button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="slots-new-title">
        <h2 id="slots-new-title">{t("interviewsStaff.newSlotsTitle")}</h2>
        <p>{t("interviewsStaff.newSlotsLead")}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="slots" />
          <Select name="stage" label={labels.stage} state={state} options={stageOptions} defaultValue="first" />
          <Field name="date" type="date" label={labels.date} state={state} required />
          <Field name="from" label={labels.from} hint={t("interviewsStaff.timeHint")} state={state} required defaultValue="10:00" />
          <Field name="until" label={labels.until} hint={t("interviewsStaff.timeHint")} state={state} required defaultValue="12:00" />
          <Field name="lengthMinutes" type="number" label={labels.lengthMinutes} state={state} required defaultValue="30" width="short" />
          <Field name="breakMinutes" type="number" label={labels.breakMinutes} state={state} required defaultValue="10" width="short" />
          <Field name="capacity" type="number" label={labels.capacity} state={state} required defaultValue="1" width="short" />
          <CheckboxGroup name="interviewers" legend={labels.interviewers} state={state} options={data.staff.map((s) => ({ value: s.id, label: s.label }))} />
          <RadioGroup
            name="arrangement"
            legend={labels.arrangement}
            state={state}
            defaultValue="parallel"
            options={[
              { value: "parallel", label: t("selectionOffersStaff.slots.arrangements.parallel") },
              { value: "panel", label: t("selectionOffersStaff.slots.arrangements.panel") },
            ]}
          />
          <Field name="place" label={labels.place} state={state} />
          <Field name="meetingUrl" type="url" label={labels.meetingUrl} state={state} />
          <button type="submit">{t("interviewsStaff.createButton")}</button>
        </Form>
      </section>

      <section aria-labelledby="slots-title">
        <h2 id="slots-title">{t("interviewsStaff.slotsTitle")}</h2>
        {data.slots.length === 0 ? (
          <p>{t("interviewsStaff.noSlots")}</p>
        ) : (
          <table data-testid="slots">
            <caption>{t("interviewsStaff.slotsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("interviewsStaff.when")}</th>
                <th scope="col">{t("interviewsStaff.stage")}</th>
                <th scope="col">{t("interviewsStaff.interviewer")}</th>
                <th scope="col">{t("interviewsStaff.capacity")}</th>
                <th scope="col">{t("interviewsStaff.bookedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {data.slots.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Instant at={s.startsAt} />
                  </td>
                  <td>{t(`interviewsStaff.stages.${s.stage}`)}</td>
                  <td>{s.interviewer}</td>
                  <td>{s.capacity}</td>
                  <td>
                    {s.booked.length === 0
                      ? "—"
                      : s.booked.map((b) => (
                          <div key={b.interviewId}>
                            <a href={`/${locale}/interviews/${b.interviewId}`}>
                              {b.name} ({b.receiptNumber ?? "—"})
                            </a>
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
