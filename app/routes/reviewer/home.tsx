import { useLoaderData, useSearchParams } from "react-router";
import { listMyReviewAssignments } from "#src/services/screening/list-my-review-assignments.ts";
import { Instant } from "../../components/instant.tsx";
import { formatNumber, useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/home";

/** A reviewer's home: the applications assigned to them with progress and the deadline, nothing else. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, async () => ({ rounds: await listMyReviewAssignments(rt, actor) }));
}

export default function ReviewerHome() {
  const { t, locale } = useI18n();
  const { rounds } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <h1>{t("screening.reviewer.homeTitle")}</h1>
      {search.get("released") ? (
        <p className="notice" role="status">
          {t("screening.reviewer.released")}
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/reviewer/profile`}>{t("screening.reviewer.profileLink")}</a>
      </p>
      {rounds.length === 0 ? <p>{t("screening.reviewer.none")}</p> : null}
      {rounds.map((r) => (
        <section key={r.id} aria-labelledby={`round-${r.id}`}>
          <h2 id={`round-${r.id}`}>{locale === "ja" ? r.nameJa : r.nameEn}</h2>
          <p>
            {t("screening.reviewer.deadline")}: {r.deadline ? <Instant at={r.deadline} /> : t("screening.notSet")}
          </p>
          <p data-testid="reviewer-progress">
            {t("screening.reviewer.progress", { submitted: formatNumber(r.submitted, locale), total: formatNumber(r.total, locale) })}
          </p>
          <table>
            <caption>{t("screening.reviewer.assignmentsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("screening.receiptNumber")}</th>
                <th scope="col">{t("screening.state")}</th>
              </tr>
            </thead>
            <tbody>
              {r.assignments.map((a) => (
                <tr key={a.id} data-testid="assignment-row">
                  <th scope="row">
                    <a href={`/${locale}/reviewer/reviews/${a.id}`}>{a.receiptNumber ?? a.id}</a>
                  </th>
                  <td>{t(`screening.states.${a.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
