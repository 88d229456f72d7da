import { redirect, useLoaderData } from "react-router";
import { getMyApplication } from "#src/services/applications/get-my-application.ts";
import { SummaryList } from "../../components/forms/index.ts";
import { Instant } from "../../components/instant.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import { NextSteps } from "../../components/next-steps.tsx";
import type { Route } from "./+types/receipt";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const mine = await run(request, locale, () => getMyApplication(rt, actor));
  if (!mine.application?.receiptNumber) return redirect(`/${locale}/application`);
  return { receipt: mine.application.receiptNumber, submittedAt: mine.application.submittedAt, email: actor!.email, next: mine.next };
}

export default function Receipt() {
  const { t, locale } = useI18n();
  const { receipt, submittedAt, email, next } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("application.receipt.title")} />
      <h1>{t("application.receipt.title")}</h1>
      <SummaryList
        rows={[
          { key: "receipt", label: t("application.receipt.number"), value: <strong data-testid="receipt-number">{receipt}</strong> },
          { key: "submittedAt", label: t("application.status.submittedAt"), value: submittedAt ? <Instant at={submittedAt} /> : null },
        ]}
      />
      <p>{t("application.receipt.body", { email })}</p>
      <NextSteps next={next} />
      <p>
        <a href={`/${locale}/application/status`}>{t("application.receipt.status")}</a>
      </p>
    </>
  );
}
