import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { answerOfferAsHost } from "#src/services/matching/answer-offer-as-host.ts";
import { getPositionRankList } from "#src/services/matching/get-position-rank-list.ts";
import { savePositionRankList } from "#src/services/matching/save-position-rank-list.ts";
import { offerMatchingInterviewSlot } from "#src/services/matching/offer-matching-interview-slot.ts";
import { ErrorSummary, Field, SummaryList, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { Refusal } from "../../../components/refusal.tsx";
import { formatInstant, PROGRAM_TIME_ZONE, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/position";
import { PageTitle } from "../../../components/page-title.tsx";

/**
 * One position in matching (host, ja/en): the applicants who listed it with limited profiles,
 * the host's rank order list of them, and after publication its offers to confirm or decline
 * and why higher-ranked applicants went elsewhere.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getPositionRankList(rt, actor, params.positionId));
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const input = readForm(form);
  if (input.intent === "slot") {
    const slot = await runForm(request, locale, form, () => offerMatchingInterviewSlot(rt, actor, { positionId: params.positionId, form: input }));
    if (!slot.ok) return slot.response;
    return redirect(`/${locale}/host/matching/${params.positionId}?done=slot#interviews`);
  }
  if (typeof input.offerId === "string") {
    const out = await runForm(request, locale, form, () => answerOfferAsHost(rt, actor, { offerId: String(input.offerId), form: input }));
    if (!out.ok) return out.response;
    return redirect(`/${locale}/host/matching/${params.positionId}?done=answered#offers`);
  }
  const out = await runForm(request, locale, form, () => savePositionRankList(rt, actor, { positionId: params.positionId, form: input }));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/host/matching/${params.positionId}?done=${out.result.submitted ? "submitted" : "saved"}`);
}

export default function HostMatchingPosition() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const S = (k: string, p?: Record<string, string | number>) => t(`matchingStaff.host.${k}`, p);
  const I = (k: string, p?: Record<string, string | number>) => t(`matchingShortlistStaff.interviews.${k}`, p);
  const slotLabels = { startsAt: I("startsAt"), lengthMinutes: I("length"), place: I("place"), meetingUrl: I("meetingUrl") };
  const max = view.shortlist.length;
  const labels = Object.fromEntries(view.shortlist.map((c) => [`rank.${c.applicationId}`, S("rankFor", { code: c.code })]));
  return (
    <>
      <PageTitle title={S("positionTitle", { title: view.position.title })} />
      <h1>{S("positionTitle", { title: view.position.title })}</h1>
      <p>
        {locale === "ja" ? view.round.nameJa : view.round.nameEn} · {S("places", { count: view.position.capacity })}
      </p>
      {done ? (
        <p className="notice" role="status">
          {done === "answered" ? S("answered") : done === "submitted" ? S("submittedNotice") : done === "slot" ? I("offered") : S("saved")}
        </p>
      ) : null}
      {view.round.matchingClose ? (
        <p>
          {S("deadline")} <Instant at={view.round.matchingClose} />
        </p>
      ) : null}
      {view.submittedAt ? <p data-testid="rank-list-status">{S("submittedAt", { at: formatInstant(view.submittedAt, locale, PROGRAM_TIME_ZONE) })}</p> : null}
      <Refusal />
      <section aria-labelledby="shortlist">
        <h2 id="shortlist">{view.interviews ? t("matchingShortlistStaff.host.shortlistTitle") : S("shortlistTitle")}</h2>
        {view.shortlist.length === 0 ? (
          <p>{S("noShortlist")}</p>
        ) : (
          <>
            {view.open ? <p className="lead">{S("shortlistLead")}</p> : <p>{S("closed")}</p>}
            {state?.values && "startsAt" in state.values ? null : <ErrorSummary state={state} labels={labels} />}
            <Form method="post" noValidate>
              {view.shortlist.map((c) => (
                <section key={c.applicationId} className="card" aria-labelledby={`cand-${c.applicationId}`}>
                  <h3 id={`cand-${c.applicationId}`}>
                    {S("code")} {c.code}
                  </h3>
                  {view.interviews ? (
                    <p>
                      <a href={`/${locale}/host/matching/${view.position.id}/candidates/${c.applicationId}`}>{I("openCandidate", { code: c.code })}</a>
                    </p>
                  ) : null}
                  <SummaryList
                    rows={[
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
                  {view.open ? (
                    <Field
                      name={`rank.${c.applicationId}`}
                      label={S("rankFor", { code: c.code })}
                      hint={S("rankHint", { max })}
                      type="number"
                      width="short"
                      state={state}
                      defaultValue={view.ranks[c.applicationId] ?? ""}
                    />
                  ) : (
                    <p>
                      {S("ranked")}: {view.ranks[c.applicationId] ?? "—"}
                    </p>
                  )}
                </section>
              ))}
              {view.open ? (
                <div className="button-row">
                  <button type="submit" name="intent" value="submit">
                    {S("submit")}
                  </button>{" "}
                  <button type="submit" name="intent" value="save" className="secondary">
                    {S("save")}
                  </button>
                </div>
              ) : null}
            </Form>
          </>
        )}
      </section>
      {view.interviews ? (
        <section aria-labelledby="interviews">
          <h2 id="interviews">{I("title")}</h2>
          <p>{I("lead")}</p>
          {view.interviews.slots.length === 0 ? (
            <p>{I("none")}</p>
          ) : (
            <table>
              <caption>{I("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{I("when")}</th>
                  <th scope="col">{I("where")}</th>
                  <th scope="col">{I("bookedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {view.interviews.slots.map((sl) => (
                  <tr key={sl.id} data-testid="host-slot">
                    <td>{formatInstant(sl.startsAt, locale, PROGRAM_TIME_ZONE)} (Asia/Tokyo)</td>
                    <td>{sl.place ?? sl.meetingUrl ?? "—"}</td>
                    <td>{sl.codes.length === 0 ? I("free") : sl.codes.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {view.interviews.canOffer ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="slot" />
              <h3>{I("offerTitle")}</h3>
              {state?.values && "startsAt" in state.values ? <ErrorSummary state={state} labels={slotLabels} /> : null}
              <Field name="startsAt" label={slotLabels.startsAt} hint={I("startsAtHint")} type="datetime-local" state={state} required />
              <Field name="lengthMinutes" label={slotLabels.lengthMinutes} type="number" width="short" state={state} defaultValue="30" required />
              <Field name="place" label={slotLabels.place} hint={I("placeHint")} state={state} />
              <Field name="meetingUrl" label={slotLabels.meetingUrl} type="url" state={state} />
              <button type="submit">{I("offer")}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {view.offers.length > 0 ? (
        <section aria-labelledby="offers">
          <h2 id="offers">{S("offersTitle")}</h2>
          <table>
            <caption>{S("offerCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{S("stage")}</th>
                <th scope="col">{S("code")}</th>
                <th scope="col">{S("status")}</th>
                <th scope="col">{S("applicantAnswer")}</th>
                <th scope="col">{S("hostAnswer")}</th>
              </tr>
            </thead>
            <tbody>
              {view.offers.map((o) => (
                <tr key={o.id} data-testid="host-offer">
                  <td>{S("stageN", { stage: o.stage })}</td>
                  <td>{o.code}</td>
                  <td>{t(`matchingStaff.offerStatuses.${o.status}`)}</td>
                  <td>{o.applicantResponse ? t(`matchingStaff.answers.${o.applicantResponse}`) : S("noAnswer")}</td>
                  <td>
                    {o.hostResponse ? (
                      t(`matchingStaff.answers.${o.hostResponse}`)
                    ) : o.status === "pending" ? (
                      <Form method="post" noValidate>
                        <input type="hidden" name="offerId" value={o.id} />
                        <button type="submit" name="answer" value="accepted">
                          {S("confirm", { code: o.code })}
                        </button>{" "}
                        <button type="submit" name="answer" value="declined" className="secondary">
                          {S("declineOffer", { code: o.code })}
                        </button>
                      </Form>
                    ) : (
                      S("noAnswer")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {view.explanation ? (
        <section aria-labelledby="why">
          <h2 id="why">{S("whyTitle")}</h2>
          <p>{S("filled", { filled: view.explanation.explanation.filled, capacity: view.explanation.explanation.capacity })}</p>
          {view.explanation.explanation.higherRankedNotAdmitted.length === 0 ? (
            <p>{S("whyNone")}</p>
          ) : (
            <ul>
              {view.explanation.explanation.higherRankedNotAdmitted.map((r) => (
                <li key={r.applicant}>
                  {t(`matchingStaff.hostReasons.${r.code}`, {
                    code: view.explanation!.codes[r.applicant] ?? "—",
                    rank: r.hostRankOfApplicant,
                    region: "region" in r ? ((locale === "ja" ? view.regions[r.region]?.nameJa : view.regions[r.region]?.nameEn) ?? r.region) : "",
                    cap: "regionCap" in r ? r.regionCap : 0,
                  })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
