import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { answerOfferAsApplicant } from "#src/services/matching/answer-offer-as-applicant.ts";
import { getMyMatchingResult } from "#src/services/matching/get-my-matching-result.ts";
import { ApplicantReasons } from "../../components/matching/applicant-reasons.tsx";
import { Instant } from "../../components/instant.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/result";

/** The applicant's published matching result, why not a higher choice, and their offer to accept or decline (six languages). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return { view: await run(request, locale, () => getMyMatchingResult(rt, actor)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const input = readForm(form);
  const out = await runForm(request, locale, form, () => answerOfferAsApplicant(rt, actor, { offerId: String(input.offerId ?? ""), form: input }));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/matching/result?done=answered`);
}

export default function ResultPage() {
  const { t, locale } = useI18n();
  const { view } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  if (!view) {
    return (
      <>
        <h1>{t("matching.result.title")}</h1>
        <p>{t("matching.none")}</p>
      </>
    );
  }
  const company = (id: string) => {
    const p = view.positions[id];
    return p ? (locale === "ja" ? p.organizationJa : (p.organizationEn ?? p.organizationJa)) : "—";
  };
  const result = view.result;
  const matched = result?.positionId ? view.positions[result.positionId] : undefined;
  return (
    <>
      <h1>{t("matching.result.title")}</h1>
      {search.get("done") === "answered" ? (
        <p className="notice" role="status">
          {t("matching.result.answered")}
        </p>
      ) : null}
      <Refusal />
      {!result ? (
        <p>{t("matching.result.notPublished")}</p>
      ) : (
        <section aria-labelledby="outcome">
          <h2 id="outcome">{t("matching.result.title")}</h2>
          <p data-testid="matching-outcome">
            {matched
              ? t("matching.result.matched", { title: matched.title, company: company(matched.id), rank: result.explanation.rank ?? 1 })
              : t("matching.result.unmatched")}
          </p>
          {result.explanation.higherChoices.length > 0 ? (
            <>
              <h3>{matched ? t("matching.result.whyTitle") : t("matching.result.whyUnmatched")}</h3>
              <div data-testid="matching-why">
                <ApplicantReasons explanation={result.explanation} positions={view.positions} />
              </div>
            </>
          ) : !matched ? (
            <p>{t("matching.result.noneRanked")}</p>
          ) : null}
        </section>
      )}
      {view.offers.length > 0 ? (
        <section aria-labelledby="offers">
          <h2 id="offers">{t("matching.result.offerTitle")}</h2>
          {view.offers.map((o) => {
            const p = view.positions[o.positionId];
            return (
              <div key={o.id} className="card" data-testid="offer">
                <h3>{t("matching.result.offerFor", { title: p?.title ?? "—", company: company(o.positionId) })}</h3>
                <p data-testid="offer-status">{t(`matching.result.statuses.${o.status}`)}</p>
                {o.status === "pending" && o.applicantResponse === null ? (
                  <>
                    {o.respondBy ? (
                      <p>
                        {t("matching.result.respondBy")} <Instant at={o.respondBy} />
                      </p>
                    ) : null}
                    <Form method="post" noValidate>
                      <input type="hidden" name="offerId" value={o.id} />
                      <button type="submit" name="answer" value="accepted">
                        {t("matching.result.accept")}
                      </button>{" "}
                      <button type="submit" name="answer" value="declined" className="secondary">
                        {t("matching.result.decline")}
                      </button>
                    </Form>
                  </>
                ) : null}
                {o.applicantResponse === "accepted" ? <p>{t("matching.result.accepted")}</p> : null}
                {o.applicantResponse === "declined" ? <p>{t("matching.result.declined")}</p> : null}
                {o.status === "pending" && o.applicantResponse === "accepted" && o.hostResponse === null ? <p>{t("matching.result.waitingHost")}</p> : null}
              </div>
            );
          })}
        </section>
      ) : null}
      <p>
        <a href={`/${locale}/matching`}>{t("matching.title")}</a>
      </p>
    </>
  );
}
