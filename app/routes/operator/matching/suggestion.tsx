import { useLoaderData } from "react-router";
import { getShortlistSuggestion } from "#src/services/matching/get-shortlist-suggestion.ts";
import { PageTitle } from "../../../components/page-title.tsx";
import { countryName } from "../../../lib/countries.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/suggestion";

/**
 * The suggested shortlist of a position (operator; ministry read only, ADR 0034): the round's
 * selected applicants ranked on fit, with the criteria each meets and misses and whether they
 * listed the position. Receipt numbers and nationality only.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => getShortlistSuggestion(rt, actor, params.positionId));
}

export default function OperatorShortlistSuggestion() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const S = (k: string, p?: Record<string, string | number>) => t(`matchingOffersStaff.suggestion.${k}`, p);
  const p = view.position;
  const criteria = (xs: readonly string[]) => (xs.length === 0 ? "—" : xs.map((x) => S(`criteria.${x}`)).join(", "));
  return (
    <>
      <PageTitle title={S("title", { position: p.title })} />
      <h1>{S("title", { position: p.title })}</h1>
      <p>
        <a href={`/${locale}/operator/rounds/${view.roundId}/matching`}>{S("back")}</a>
      </p>
      <p>{S("lead")}</p>
      <section aria-labelledby="position">
        <h2 id="position">{S("positionTitle")}</h2>
        <dl className="summary-list">
          <div className="summary-list-row">
            <dt>{S("company")}</dt>
            <dd>{locale === "ja" ? p.organizationJa : (p.organizationEn ?? p.organizationJa)}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{S("region")}</dt>
            <dd>{locale === "ja" ? p.regionJa : p.regionEn}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{S("places")}</dt>
            <dd>{p.capacity}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{S("fields")}</dt>
            <dd>{p.fields.length === 0 ? "—" : p.fields.join(", ")}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{S("japanese")}</dt>
            <dd>{p.requiredJlptLevel ?? S("notRequired")}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{S("english")}</dt>
            <dd>{p.englishRequired ? S("required") : S("notRequired")}</dd>
          </div>
          <div className="summary-list-row">
            <dt>{S("countries")}</dt>
            <dd>{p.targetCountries.length === 0 ? "—" : p.targetCountries.map((c) => countryName(c, locale)).join(", ")}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="candidates">
        <h2 id="candidates">{S("candidatesTitle")}</h2>
        {view.candidates.length === 0 ? (
          <p>{S("none")}</p>
        ) : (
          <table>
            <caption>{S("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{S("order")}</th>
                <th scope="col">{S("code")}</th>
                <th scope="col">{S("nationality")}</th>
                <th scope="col">{S("score")}</th>
                <th scope="col">{S("met")}</th>
                <th scope="col">{S("missed")}</th>
                <th scope="col">{S("listed")}</th>
              </tr>
            </thead>
            <tbody>
              {view.candidates.map((c, i) => (
                <tr key={c.id} data-testid="suggested-candidate">
                  <td>{i + 1}</td>
                  <th scope="row">{c.code}</th>
                  <td>{c.nationality ? countryName(c.nationality, locale) : "—"}</td>
                  <td>
                    {c.score} / {c.maxScore}
                  </td>
                  <td>{criteria(c.met)}</td>
                  <td>{criteria(c.missed)}</td>
                  <td>{c.listed ? S("yes") : S("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
