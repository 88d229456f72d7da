import { useLoaderData } from "react-router";
import { listLatestCases } from "#src/services/cases/public-cases.ts";
import { CaseCardView } from "../components/cases/case-card.tsx";
import { useI18n } from "../lib/i18n.tsx";
import { requestContext } from "../lib/request.server.ts";
import type { Route } from "./+types/home";
import { PageTitle } from "../components/page-title.tsx";

/** The latest case studies, shown to the companies that might host (issue 18). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, locale } = await requestContext(request, params);
  return { latestCases: await listLatestCases(rt, locale, 3) };
}

/** The program's front page (the full public pages come with the applicant journey). */
export default function Home() {
  const { t, locale } = useI18n();
  const { latestCases } = useLoaderData<typeof loader>();
  return (
    <>
      <PageTitle title={t("home.title")} />
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <h2>{t("home.goalsTitle")}</h2>
      <ul>
        <li>{t("home.goal1")}</li>
        <li>{t("home.goal2")}</li>
        <li>{t("home.goal3")}</li>
      </ul>
      <h2>{t("home.whoTitle")}</h2>
      <p>{t("home.who")}</p>
      <p>
        <a className="button" href={`/${locale}/apply`}>
          {t("home.createAccount")}
        </a>{" "}
        <a href={`/${locale}/sign-in`}>{t("home.signIn")}</a>
      </p>
      <h2>{t("homeHosts.title")}</h2>
      <p>{t("homeHosts.lead")}</p>
      <p>
        <a href={`/${locale === "ja" ? "ja" : "en"}/host/sign-up`}>{t("homeHosts.link")}</a>
      </p>
      {latestCases.length > 0 ? (
        <section aria-labelledby="latest-cases">
          <h3 id="latest-cases">{t("cases.latest.title")}</h3>
          <ul className="case-list">
            {latestCases.map((c) => (
              <li key={c.number}>
                <CaseCardView c={c} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <a href={`/${locale}/cases`}>{t("cases.latest.all")}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}
