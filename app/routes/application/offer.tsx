import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { PROGRAM_TIME_ZONE } from "#src/domain/time.ts";
import { getMySelectionOffer } from "#src/services/selection/get-my-selection-offer.ts";
import { respondToSelectionOffer } from "#src/services/selection/respond-to-selection-offer.ts";
import { ErrorSummary, RadioGroup, useFormState } from "../../components/forms/index.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { Refusal } from "../../components/refusal.tsx";
import { formatInstant, useI18n } from "../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../lib/request.server.ts";
import type { Route } from "./+types/offer";

/** A place offered from the waiting list (issue 14, ADR 0033): the deadline in the applicant's own zone; accept or decline. Works without JavaScript. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const offer = await run(request, locale, () => getMySelectionOffer(rt, actor));
  return { offer, timeZone: actor?.timeZone ?? PROGRAM_TIME_ZONE };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => respondToSelectionOffer(rt, actor, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/application/offer?done=${out.result.answer}`);
}

export default function SelectionOffer() {
  const { t, locale } = useI18n();
  const { offer, timeZone } = useLoaderData<typeof loader>();
  const state = useFormState();
  const [search] = useSearchParams();
  const done = search.get("done");
  const when = (at: Date | string) =>
    timeZone === PROGRAM_TIME_ZONE
      ? `${formatInstant(at, locale, timeZone)} (${timeZone})`
      : `${formatInstant(at, locale, timeZone)} (${timeZone}) · ${formatInstant(at, locale, PROGRAM_TIME_ZONE)} (${PROGRAM_TIME_ZONE})`;
  const labels = { answer: t("selectionOffers.page.answer") };
  return (
    <>
      <PageTitle title={t("selectionOffers.page.title")} />
      <h1>{t("selectionOffers.page.title")}</h1>
      {done === "accept" || done === "decline" ? (
        <p className="notice" role="status">
          {t(`selectionOffers.page.done.${done}`)}
        </p>
      ) : null}
      <Refusal />
      <ErrorSummary state={state} labels={labels} />
      {!offer ? (
        <p>{t("selectionOffers.page.none")}</p>
      ) : offer.status === "open" ? (
        <>
          <p>{t("selectionOffers.page.lead")}</p>
          <p data-testid="offer-deadline">{t("selectionOffers.page.deadline", { deadline: when(offer.expiresAt) })}</p>
          <Form method="post" noValidate>
            <RadioGroup
              name="answer"
              legend={labels.answer}
              state={state}
              required
              options={[
                { value: "accept", label: t("selectionOffers.page.accept") },
                { value: "decline", label: t("selectionOffers.page.decline"), hint: t("selectionOffers.page.declineHint") },
              ]}
            />
            <button type="submit">{t("selectionOffers.page.submit")}</button>
          </Form>
        </>
      ) : (
        <p data-testid="offer-state">{t(`selectionOffers.page.state.${offer.status}`, { deadline: when(offer.expiresAt) })}</p>
      )}
      <p>
        <a href={`/${locale}/application/status`}>{t("selectionOffers.page.toStatus")}</a>
      </p>
    </>
  );
}
