import { useLoaderData } from "react-router";
import { listMyInterviews } from "#src/services/interviews/list-my-interviews.ts";
import { Instant } from "../../components/instant.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import type { Route } from "./+types/list";

/** The interviewer's interviews (issue 14): operators see everyone's. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return { interviews: await run(request, locale, () => listMyInterviews(rt, actor)) };
}

export default function MyInterviews() {
  const { t, locale } = useI18n();
  const { interviews } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("interviewsStaff.myTitle")}</h1>
      {interviews.length === 0 ? (
        <p>{t("interviewsStaff.noInterviews")}</p>
      ) : (
        <table>
          <caption>{t("interviewsStaff.myCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("interviewsStaff.when")}</th>
              <th scope="col">{t("interviewsStaff.stage")}</th>
              <th scope="col">{t("interviewsStaff.applicant")}</th>
              <th scope="col">{t("interviewsStaff.interviewer")}</th>
              <th scope="col">{t("interviewsStaff.attendance")}</th>
              <th scope="col">{t("interviewsStaff.score")}</th>
            </tr>
          </thead>
          <tbody>
            {interviews.map((i) => (
              <tr key={i.id}>
                <td>
                  <Instant at={i.startsAt} />
                </td>
                <td>{t(`interviewsStaff.stages.${i.stage}`)}</td>
                <td>
                  <a href={`/${locale}/interviews/${i.id}`}>
                    {i.name} ({i.receiptNumber ?? "—"}, {i.nationality ?? "—"})
                  </a>
                </td>
                <td>{i.interviewer}</td>
                <td>{t(`interviewsStaff.statuses.${i.status}`)}</td>
                <td>{i.score === null ? "—" : i.score.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
