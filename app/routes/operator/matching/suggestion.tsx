import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { getShortlistSuggestion } from "#src/services/matching/get-shortlist-suggestion.ts";
import { saveShortlist } from "#src/services/matching/save-shortlist.ts";
import { CheckboxGroup, ErrorSummary, useFormState } from "../../../components/forms/index.ts";
import { Refusal } from "../../../components/refusal.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { countryName } from "../../../lib/countries.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
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

/** Office-shortlist mode (ADR 0037): the operator saves the position's shortlist from the ticked candidates. */
export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () =>
    saveShortlist(rt, actor, { positionId: params.positionId, form: readForm(form, { multi: ["applicants"] }) }),
  );
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/matching/positions/${params.positionId}?saved=${out.result.count}#shortlist`);
}

export default function OperatorShortlistSuggestion() {
  const { t, locale } = useI18n();
  const view = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const L = (k: string, p?: Record<string, string | number>) => t(`matchingShortlistStaff.shortlist.${k}`, p);
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
      {view.shortlist.mode === "office_shortlist" ? (
        <section aria-labelledby="shortlist">
          <h2 id="shortlist">{L("title")}</h2>
          {search.get("saved") !== null ? (
            <p className="notice" role="status">
              {L("saved", { count: Number(search.get("saved")) })}
            </p>
          ) : null}
          <Refusal />
          <p data-testid="shortlist-count">{L("count", { count: view.shortlist.saved.length })}</p>
          {view.shortlist.canEdit && view.candidates.length > 0 ? (
            <>
              <ErrorSummary state={state} labels={{ applicants: L("legend") }} />
              <Form method="post" noValidate>
                <CheckboxGroup
                  name="applicants"
                  legend={L("legend")}
                  hint={view.shortlist.saved.length === 0 ? L("prefilledHint", { count: view.shortlist.prefilled.length }) : L("savedHint")}
                  state={state}
                  checked={view.shortlist.prefilled}
                  options={view.candidates.map((c) => ({
                    value: c.id,
                    label: L("candidate", {
                      code: c.code,
                      nationality: c.nationality ? countryName(c.nationality, locale) : "—",
                      score: c.score,
                      max: c.maxScore,
                    }),
                  }))}
                />
                <button type="submit">{L("save")}</button>
              </Form>
            </>
          ) : view.shortlist.saved.length > 0 ? (
            <ul>
              {view.candidates
                .filter((c) => view.shortlist.saved.includes(c.id))
                .map((c) => (
                  <li key={c.id}>{c.code}</li>
                ))}
            </ul>
          ) : null}
        </section>
      ) : (
        <p>{L("openRanking")}</p>
      )}
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
