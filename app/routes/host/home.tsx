import { useLoaderData, useSearchParams } from "react-router";
import { getHostHome } from "#src/services/hosts/get-host-home.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { regionName } from "#src/i18n/format.ts";
import { Instant } from "../../components/instant.tsx";
import { formatNumber, useI18n } from "../../lib/i18n.tsx";
import { requestContext, run } from "../../lib/request.server.ts";
import { SummaryList } from "../../components/forms/index.ts";
import { Notice } from "../../components/notice.tsx";
import type { Route } from "./+types/home";
import { PageTitle } from "../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const home = await run(request, locale, () => getHostHome(rt, actor));
  const ref = await getHostReferenceLists(rt);
  return { home, ref };
}

export default function HostHome() {
  const { t, locale } = useI18n();
  const { home, ref } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const org = home.organization;
  if (!org) {
    return (
      <>
        <PageTitle title={t("hostOrg.noOrgTitle")} />
        <h1>{t("hostOrg.noOrgTitle")}</h1>
        <Notice text={search.get("joinRequested") ? t("hostOrg.joinRequested") : null} />
        <p>{t("hostOrg.noOrgLead")}</p>
        <p>
          <a className="button" href={`/${locale}/host/organization/new`}>
            {t("hostOrg.registerLink")}
          </a>
        </p>
      </>
    );
  }
  const name = (code: string, list: { code: string; nameJa: string; nameEn: string }[]) => {
    const x = list.find((p) => p.code === code);
    return x ? (locale === "ja" ? x.nameJa : x.nameEn) : code;
  };
  const rows: [string, string][] = [
    [t("hostOrg.corporateNumber"), org.corporateNumber ?? "—"],
    [t("hostOrg.legalForm"), org.legalForm],
    [t("hostOrg.kind"), t(`hostOrg.kinds.${org.kind}`)],
    [t("hostOrg.nameJa"), org.nameJa],
    [t("hostOrg.nameEn"), org.nameEn ?? "—"],
    [t("hostOrg.prefecture"), name(org.prefectureCode, ref.prefectures)],
    [t("hostOrg.region"), t(`hostOrg.regions.${org.region}`)],
    [t("hostOrg.addressJa"), `${org.postalCode ? `〒${org.postalCode} ` : ""}${org.addressJa ?? ""}`],
    [t("hostOrg.jsicDivision"), `${org.jsicDivision} ${name(org.jsicDivision, ref.jsicDivisions)}`],
    [t("hostOrg.employees"), formatNumber(org.employees, locale)],
    [t("hostOrg.sizeClass"), t(`hostOrg.sizeClasses.${org.sizeClass}`)],
    [t("hostOrg.capitalYen"), org.capitalYen === null ? "—" : formatNumber(org.capitalYen, locale)],
    [t("hostOrg.overseasStatus"), t(`hostOrg.overseas.${org.overseasStatus}`)],
    [t("hostOrg.overseasCountries"), org.overseasCountries.map((c) => regionName(c, locale)).join(", ") || "—"],
    [t("hostOrg.workLanguages"), org.workLanguages.map((l) => t(`hostOrg.languages.${l}`)).join(", ")],
    [t("hostOrg.website"), org.website ?? "—"],
  ];
  return (
    <>
      <PageTitle title={locale === "ja" ? org.nameJa : (org.nameEn ?? org.nameJa)} />
      <h1>{locale === "ja" ? org.nameJa : (org.nameEn ?? org.nameJa)}</h1>
      <Notice
        text={
          search.get("registered") ? t("hostOrg.registered") : search.get("joined") ? t("hostOrg.joined") : search.get("edited") ? t("hostEdit.saved") : null
        }
      />
      {org.verificationStatus === "pending" ? (
        <p className="notice" data-testid="organization-verification">
          {t("orgVerify.hostPending")}
        </p>
      ) : org.verificationStatus === "rejected" ? (
        <p className="notice" data-testid="organization-verification">
          {t("orgVerify.hostRejected")}
        </p>
      ) : null}
      <h2>{t("hostOrg.roundsTitle")}</h2>
      {home.rounds.length === 0 ? (
        <p>{t("hostOrg.noRounds")}</p>
      ) : (
        <table className="stack-narrow">
          <caption>{t("hostOrg.roundsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("hostOrg.round")}</th>
              <th scope="col">{t("hostOrg.closes")}</th>
              <th scope="col">{t("hostOrg.status")}</th>
            </tr>
          </thead>
          <tbody>
            {home.rounds.map((r) => (
              <tr key={r.id}>
                <td data-label={t("hostOrg.round")}>
                  <a href={`/${locale}/host/rounds/${r.id}`}>{locale === "ja" ? r.nameJa : r.nameEn}</a>
                </td>
                <td data-label={t("hostOrg.closes")}>{r.closesAt ? <Instant at={r.closesAt} /> : "—"}</td>
                <td data-label={t("hostOrg.status")} data-testid="host-round-status">
                  {r.status ? t(`hostStatus.${r.status}`) : t("hostOrg.notStarted")}
                  {r.receiptNumber ? ` (${r.receiptNumber})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("hostOrg.detailsTitle")}</h2>
      <SummaryList rows={rows.map(([k, v]) => ({ key: k, label: k, value: v }))} />
      {home.orgRole === "admin" ? (
        <p>
          <a href={`/${locale}/host/organization/edit`}>{t("hostEdit.editLink")}</a>
        </p>
      ) : null}
      <p>
        <a href={`/${locale}/host/members`}>{t("hostOrg.membersTitle")}</a>
      </p>
      <p>
        <a href={`/${locale}/host/cases`}>{t("casesStaff.hostList.title")}</a>
      </p>
      <p>
        <a href={`/${locale}/host/matching`}>{t("matchingStaff.hostNav")}</a>
        {" · "}
        <a href={`/${locale}/host/internship`}>{t("internshipStaff.nav.hostInternship")}</a>
        {" · "}
        <a href={`/${locale}/host/training`}>{t("hostTraining.link")}</a>
      </p>
    </>
  );
}
