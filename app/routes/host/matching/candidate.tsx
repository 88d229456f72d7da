import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getShortlistedCandidate } from "#src/services/matching/get-shortlisted-candidate.ts";
import { recordMatchingInterviewHeld } from "#src/services/matching/record-matching-interview-held.ts";
import { SummaryList } from "../../../components/forms/index.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatInstant, PROGRAM_TIME_ZONE, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/candidate";

/**
 * One shortlisted candidate of a host's position (host, ja/en; ADR 0037): the limited profile
 * (code, nationality, education, languages, motivation; never name, contact details or date of
 * birth), the interview they booked with its calendar file, and recording that it took place.
 * A candidate not on the position's shortlist is a 403.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getShortlistedCandidate(rt, actor, { positionId: params.positionId, applicationId: params.applicationId }));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () =>
    recordMatchingInterviewHeld(rt, actor, { positionId: params.positionId, applicationId: params.applicationId, form: readForm(form) }),
  );
  if (!out.ok) return out.response;
  return redirect(`/${locale}/host/matching/${params.positionId}/candidates/${params.applicationId}?done=${out.result.status}`);
}

export default function HostMatchingCandidate() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const S = (k: string, p?: Record<string, string | number>) => t(`matchingStaff.host.${k}`, p);
  const C = (k: string, p?: Record<string, string | number>) => t(`matchingShortlistStaff.candidate.${k}`, p);
  const c = view.candidate;
  const i = view.interview;
  const done = search.get("done");
  return (
    <>
      <PageTitle title={C("title", { code: c.code, position: view.position.title })} />
      <h1>{C("title", { code: c.code, position: view.position.title })}</h1>
      <p>
        <a href={`/${locale}/host/matching/${view.position.id}`}>{C("back")}</a>
      </p>
      {done === "done" || done === "no_show" ? (
        <p className="notice" role="status">
          {C(`recorded.${done}`)}
        </p>
      ) : null}
      <Refusal />
      <section aria-labelledby="profile">
        <h2 id="profile">{C("profile")}</h2>
        <SummaryList
          rows={[
            { key: "code", label: S("code"), value: c.code },
            { key: "nat", label: S("nationality"), value: (locale === "ja" ? c.nationalityJa : c.nationalityEn) ?? "—" },
            {
              key: "edu",
              label: S("education"),
              value:
                c.education
                  .map((e) => `${t(`application.options.degree.${e.degree}`)}, ${e.field}${e.graduationYear ? ` (${e.graduationYear})` : ""}`)
                  .join("; ") || "—",
            },
            { key: "jlpt", label: S("japanese"), value: c.jlptLevel ?? "—" },
            {
              key: "en",
              label: S("english"),
              value:
                [
                  ...c.englishTests.map((e) => `${e.test}${e.score ? ` ${e.score}` : ""}`),
                  c.englishSelfLevel ? t(`application.options.englishSelfLevel.${c.englishSelfLevel}`) : null,
                ]
                  .filter(Boolean)
                  .join("; ") || "—",
            },
            { key: "mot", label: S("motivation"), value: c.motivationLearn ?? "—" },
          ]}
        />
      </section>
      <section aria-labelledby="interview">
        <h2 id="interview">{C("interview")}</h2>
        {i ? (
          <>
            <p data-testid="candidate-interview">
              {C("booked", { when: `${formatInstant(i.startsAt, locale, PROGRAM_TIME_ZONE)} (Asia/Tokyo)` })} · {C(`statuses.${i.status}`)}
            </p>
            {i.place ? <p>{C("place", { place: i.place })}</p> : null}
            {i.meetingUrl ? (
              <p>
                {C("link")} <a href={i.meetingUrl}>{i.meetingUrl}</a>
              </p>
            ) : null}
            {i.status === "scheduled" ? (
              <p>
                <a href={`/${locale}/host/matching/${view.position.id}/candidates/${c.applicationId}/interview.ics`} download="interview.ics">
                  {C("ics")}
                </a>
              </p>
            ) : null}
            {view.canRecordHeld ? (
              <Form method="post">
                <p>{C("recordLead")}</p>
                <button type="submit" name="outcome" value="done">
                  {C("held")}
                </button>{" "}
                <button type="submit" name="outcome" value="no_show" className="secondary">
                  {C("noShow")}
                </button>
              </Form>
            ) : null}
          </>
        ) : (
          <p>{C("noInterview")}</p>
        )}
      </section>
    </>
  );
}
