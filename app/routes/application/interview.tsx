import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { bookInterviewSlot } from "#src/services/interviews/book-interview-slot.ts";
import { cancelInterviewBooking } from "#src/services/interviews/cancel-interview-booking.ts";
import { getMyInterview } from "#src/services/interviews/get-my-interview.ts";
import { PROGRAM_TIME_ZONE } from "#src/domain/time.ts";
import { Refusal } from "../../components/refusal.tsx";
import { InterviewSlotPicker } from "../../components/interview-slot-picker.tsx";
import { formatInstant, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/interview";
import { PageTitle } from "../../components/page-title.tsx";

/** The applicant's interview booking (issue 14): times in their own zone, with Japan time; works without JavaScript. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const tz = new URL(request.url).searchParams.get("tz");
  const data = await run(request, locale, () => getMyInterview(rt, actor, tz));
  return { ...data, zones: Intl.supportedValuesOf("timeZone") };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const tz = new URL(request.url).searchParams.get("tz");
  const back = (done: string) => redirect(`/${locale}/application/interview?done=${done}${tz ? `&tz=${encodeURIComponent(tz)}` : ""}`);
  if (form.get("intent") === "cancel") {
    const out = await runForm(request, locale, form, () => cancelInterviewBooking(rt, actor, String(form.get("stage") ?? "")));
    if (!out.ok) return out.response;
    return back("cancelled");
  }
  const out = await runForm(request, locale, form, () => bookInterviewSlot(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return back(out.result.kind);
}

export default function Interview() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const zone = data.timeZone;
  const when = (at: Date | string) => `${formatInstant(at, locale, zone)} (${zone})`;
  const tokyo = (at: Date | string) => formatInstant(at, locale, PROGRAM_TIME_ZONE);
  return (
    <>
      <PageTitle title={t("interviews.title")} />
      <h1>{t("interviews.title")}</h1>
      <Refusal />
      {done === "booked" || done === "moved" || done === "cancelled" ? (
        <p className="notice" role="status">
          {t(`interviews.done.${done}`)}
        </p>
      ) : null}
      <form method="get" className="inline-form">
        <label htmlFor="tz">{t("interviews.zoneLabel")}</label>{" "}
        <select id="tz" name="tz" defaultValue={zone}>
          {data.zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{t("interviews.zoneButton")}</button>
      </form>
      <p data-testid="interview-zone">{t("interviews.shownIn", { zone })}</p>
      {data.stages.length === 0 ? <p>{t("interviews.notInvited")}</p> : null}
      {data.stages.map((s) => (
        <section key={s.stage} aria-labelledby={`stage-${s.stage}`}>
          <h2 id={`stage-${s.stage}`}>{t(`interviews.stages.${s.stage}`)}</h2>
          {s.current ? (
            <div data-testid={`booking-${s.stage}`}>
              <p>
                {t("interviews.yourBooking")} <strong>{when(s.current.startsAt)}</strong>
                {zone !== PROGRAM_TIME_ZONE ? <span> · {t("interviews.japanTime", { time: tokyo(s.current.startsAt) })}</span> : null}
              </p>
              {s.current.place ? <p>{t("interviews.place", { place: s.current.place })}</p> : null}
              {s.current.meetingUrl ? (
                <p>
                  {t("interviews.onlineLink")} <a href={s.current.meetingUrl}>{s.current.meetingUrl}</a>
                </p>
              ) : null}
              <p>{t("interviews.changesUntil", { time: when(s.current.changesUntil) })}</p>
              <p>
                <a href={`/${locale}/application/interview/calendar/${s.stage}`} download="interview.ics">
                  {t("interviews.downloadIcs")}
                </a>
              </p>
              {s.current.changeable ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  <input type="hidden" name="stage" value={s.stage} />
                  <button type="submit" className="secondary">
                    {t("interviews.cancelButton")}
                  </button>
                </Form>
              ) : null}
            </div>
          ) : (
            <p>{t("interviews.noBooking")}</p>
          )}
          {s.slots.length === 0 ? <p>{t("interviews.noSlots")}</p> : <InterviewSlotPicker slots={s.slots} moving={Boolean(s.current)} zone={zone} />}
        </section>
      ))}
    </>
  );
}
