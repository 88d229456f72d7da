import { redirect, useLoaderData, useSearchParams } from "react-router";
import { PROGRAM_TIME_ZONE } from "#src/domain/time.ts";
import { bookMatchingInterview } from "#src/services/matching/book-matching-interview.ts";
import { getMyMatchingInterviews } from "#src/services/matching/get-my-matching-interviews.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { InterviewSlotPicker } from "../../components/interview-slot-picker.tsx";
import { formatInstant, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/interviews";

/**
 * The applicant's host interviews in an office-shortlist round (ADR 0037; six languages; works
 * without JavaScript): per position they are shortlisted for, their booking and the host's slots,
 * times in their own zone with Japan time, the calendar file.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const tz = new URL(request.url).searchParams.get("tz");
  const data = await run(request, locale, () => getMyMatchingInterviews(rt, actor, tz));
  return { ...data, zones: Intl.supportedValuesOf("timeZone") };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const tz = new URL(request.url).searchParams.get("tz");
  const out = await runForm(request, locale, form, () => bookMatchingInterview(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/matching/interviews?done=${out.result.kind}${tz ? `&tz=${encodeURIComponent(tz)}` : ""}`);
}

export default function MatchingInterviews() {
  const { t, locale } = useI18n();
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const zone = data.timeZone;
  const M = (k: string, p?: Record<string, string | number>) => t(`matchingShortlist.interviews.${k}`, p);
  const when = (at: Date | string) => `${formatInstant(at, locale, zone)} (${zone})`;
  const tokyo = (at: Date | string) => formatInstant(at, locale, PROGRAM_TIME_ZONE);
  return (
    <>
      <PageTitle title={M("title")} />
      <h1>{M("title")}</h1>
      <p>
        <a href={`/${locale}/matching`}>{M("back")}</a>
      </p>
      <Refusal />
      {done === "booked" || done === "moved" ? (
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
      {!data.positions || data.positions.length === 0 ? <p>{M("none")}</p> : <p>{M("lead")}</p>}
      {(data.positions ?? []).map((p) => (
        <section key={p.id} aria-labelledby={`pos-${p.id}`} data-testid="matching-interview-position">
          <h2 id={`pos-${p.id}`}>
            {p.title} ({locale === "ja" ? p.organizationJa : (p.organizationEn ?? p.organizationJa)})
          </h2>
          {p.current ? (
            <div data-testid="matching-interview-booking">
              <p>
                {t("interviews.yourBooking")} <strong>{when(p.current.startsAt)}</strong>
                {zone !== PROGRAM_TIME_ZONE ? <span> · {t("interviews.japanTime", { time: tokyo(p.current.startsAt) })}</span> : null}
              </p>
              {p.current.place ? <p>{t("interviews.place", { place: p.current.place })}</p> : null}
              {p.current.meetingUrl ? (
                <p>
                  {t("interviews.onlineLink")} <a href={p.current.meetingUrl}>{p.current.meetingUrl}</a>
                </p>
              ) : null}
              {p.current.status === "scheduled" ? (
                <p>
                  <a href={`/${locale}/matching/interviews/${p.id}/calendar`} download="interview.ics">
                    {t("interviews.downloadIcs")}
                  </a>
                </p>
              ) : (
                <p>{M(`statuses.${p.current.status}`)}</p>
              )}
            </div>
          ) : (
            <p>{t("interviews.noBooking")}</p>
          )}
          {p.slots.length === 0 ? <p>{M("noSlots")}</p> : <InterviewSlotPicker slots={p.slots} moving={Boolean(p.current)} zone={zone} />}
        </section>
      ))}
    </>
  );
}
