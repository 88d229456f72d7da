import { useLoaderData } from "react-router";
import { listMyMatchingPositions } from "#src/services/matching/list-my-matching-positions.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";

/** The host's positions in matching: who listed each, its rank order list, its offers (ja/en). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return { positions: await run(request, locale, () => listMyMatchingPositions(rt, actor)) };
}

export default function HostMatchingList() {
  const { t, locale } = useI18n();
  const { positions } = useLoaderData<typeof loader>();
  const S = (k: string, p?: Record<string, string | number>) => t(`matchingStaff.host.${k}`, p);
  return (
    <>
      <h1>{S("title")}</h1>
      <p className="lead">{S("lead")}</p>
      {positions.length === 0 ? (
        <p>{S("none")}</p>
      ) : (
        <table>
          <caption>{S("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{S("position")}</th>
              <th scope="col">{S("round")}</th>
              <th scope="col">{S("shortlisted")}</th>
              <th scope="col">{S("listStatus")}</th>
              <th scope="col">{S("offers")}</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/${locale}/host/matching/${p.id}`}>{p.title}</a>
                </td>
                <td>{locale === "ja" ? p.roundNameJa : p.roundNameEn}</td>
                <td>{p.shortlisted}</td>
                <td>
                  {p.submitted ? S("submitted") : p.ranked > 0 ? S("draft") : S("notStarted")} ({S("ranked")}: {p.ranked})
                </td>
                <td>{S("offerCounts", { pending: p.pendingOffers, accepted: p.acceptedOffers })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
