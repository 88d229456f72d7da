import { useLoaderData } from "react-router";
import { getOpenRound } from "#src/services/applications/get-open-round.ts";
import { SummaryList } from "../components/forms/index.ts";
import { Instant } from "../components/instant.tsx";
import { WhoMayApply } from "../components/who-may-apply.tsx";
import { useI18n } from "../lib/i18n.tsx";
import { requestContext } from "../lib/request.server.ts";
import type { Route } from "./+types/apply";
import { PageTitle } from "../components/page-title.tsx";

/** The public program page: who may apply, what it provides, the current round's deadlines, FAQ, Apply. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor } = await requestContext(request, params);
  const round = await getOpenRound(rt);
  const now = rt.clock();
  const daysLeft = round?.applicationClose ? Math.floor((round.applicationClose.getTime() - now.getTime()) / 86_400_000) : null;
  return { round, daysLeft, signedIn: Boolean(actor) };
}

export default function Apply() {
  const { t, locale } = useI18n();
  const { round, daysLeft, signedIn } = useLoaderData<typeof loader>();
  const open = round && (daysLeft === null || daysLeft >= 0);
  return (
    <>
      <PageTitle title={t("program.title")} />
      <h1>{t("program.title")}</h1>
      <p className="lead">{t("program.lead")}</p>
      {round ? (
        <section aria-labelledby="deadlines-title">
          <h2 id="deadlines-title">{t("program.deadlinesTitle")}</h2>
          <p>
            <strong>{locale === "ja" ? round.nameJa : round.nameEn}</strong>
          </p>
          {daysLeft !== null ? <p className={open ? "notice" : undefined}>{open ? t("program.closesIn", { days: daysLeft }) : t("program.closed")}</p> : null}
          <SummaryList rows={round.deadlines.map((d) => ({ key: d.kind, label: t(`deadlines.${d.kind}`), value: <Instant at={d.dueAt} /> }))} />
        </section>
      ) : (
        <p className="notice">{t("program.noRound")}</p>
      )}
      <h2>{t("program.whoTitle")}</h2>
      {round ? (
        <WhoMayApply rules={round.rules} testNames={round.englishTestNames} />
      ) : (
        <ul>
          <li>{t("program.whoNationality")}</li>
          <li>{t("program.whoLanguage")}</li>
          <li>{t("program.whoDocument")}</li>
        </ul>
      )}
      <h2>{t("program.providesTitle")}</h2>
      <p>{t("program.provides")}</p>
      <h2>{t("program.costsTitle")}</h2>
      <p>{t("program.costs")}</p>
      {open ? (
        <p>
          <a className="button" href={signedIn ? `/${locale}/application` : `/${locale}/sign-up`}>
            {signedIn ? t("program.apply") : t("program.signUpFirst")}
          </a>
        </p>
      ) : null}
      <h2>{t("program.faqTitle")}</h2>
      <dl className="faq">
        {[1, 2, 3].map((n) => (
          <div key={n}>
            <dt>{t(`program.faq${n}q`)}</dt>
            <dd>{t(`program.faq${n}a`)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
