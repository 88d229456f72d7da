import { useLoaderData } from "react-router";
import { OUTCOME_QUESTIONS } from "#src/domain/internship/outcomes.ts";
import { listOutcomes } from "#src/services/internship/list-outcomes.ts";
import { Instant } from "../../../components/instant.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { formatDate, useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/outcomes";

/** The operator's outcomes of a round (ADR 0039): per completed placement and follow-up, whether the host was asked and what it answered. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listOutcomes(rt, actor, params.roundId));
}

export default function Outcomes() {
  const { t, locale } = useI18n();
  const { round, rows, totals } = useLoaderData<typeof loader>();
  const roundName = locale === "ja" ? round.nameJa : round.nameEn;
  const k = "internshipOutcomes.staff";
  return (
    <>
      <PageTitle title={t(`${k}.title`, { round: roundName })} />
      <h1>{t(`${k}.title`, { round: roundName })}</h1>
      <p className="lead">{t(`${k}.lead`)}</p>
      <p>
        <a href={`/${locale}/operator/rounds/${round.id}/placements`}>{t("internshipStaff.nav.placements")}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t(`${k}.none`)}</p>
      ) : (
        <>
          <table>
            <caption>{t(`${k}.totalsCaption`)}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t(`${k}.totalsAnswered`)}</th>
                {OUTCOME_QUESTIONS.map((q) => (
                  <th scope="col" key={q}>
                    {t(`${k}.answerShort.${q}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {totals.map((m) => (
                <tr key={m.milestone} data-testid={`totals-${m.milestone}`}>
                  <th scope="row">{t(`${k}.milestone`, { months: m.milestone })}</th>
                  <td>{m.answered}</td>
                  {OUTCOME_QUESTIONS.map((q) => (
                    <td key={q}>{m[q]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <caption>{t(`${k}.caption`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`${k}.intern`)}</th>
                <th scope="col">{t(`${k}.host`)}</th>
                <th scope="col">{t(`${k}.lastDay`)}</th>
                {[6, 12].map((m) => (
                  <th scope="col" key={m}>
                    {t(`${k}.milestone`, { months: m })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.placementId} data-testid="outcome">
                  <th scope="row">{r.internName}</th>
                  <td>{locale === "ja" ? r.organizationNameJa : (r.organizationNameEn ?? r.organizationNameJa)}</td>
                  <td>{formatDate(r.lastDay, locale)}</td>
                  {r.milestones.map((m) => (
                    <td key={m.milestone} data-testid={`outcome-${m.milestone}`}>
                      <div>{t(`${k}.due`, { date: formatDate(m.dueOn, locale) })}</div>
                      <div>
                        {m.requestedAt ? (
                          <>
                            {t(`${k}.asked`)}: <Instant at={m.requestedAt} />
                          </>
                        ) : (
                          t(`${k}.notAsked`)
                        )}
                      </div>
                      {m.remindedAt ? (
                        <div>
                          {t(`${k}.reminded`)}: <Instant at={m.remindedAt} />
                        </div>
                      ) : null}
                      {m.answers && m.answeredAt ? (
                        <>
                          <div>
                            {t(`${k}.answered`)}: <Instant at={m.answeredAt} />
                          </div>
                          <ul>
                            {OUTCOME_QUESTIONS.map((q) => (
                              <li key={q}>
                                {t(`${k}.answerShort.${q}`)}: {m.answers?.[q] ? t("internshipOutcomes.outcome.yes") : t("internshipOutcomes.outcome.no")}
                              </li>
                            ))}
                          </ul>
                          {m.answers.notes ? <p>{m.answers.notes}</p> : null}
                        </>
                      ) : (
                        <div>{t(`${k}.notAnswered`)}</div>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
