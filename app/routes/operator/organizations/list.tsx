import { useLoaderData, useSearchParams } from "react-router";
import { listOrganizationVerifications } from "#src/services/hosts/list-organization-verifications.ts";
import { Instant } from "../../../components/instant.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  return run(request, locale, () => listOrganizationVerifications(rt, actor));
}

/** Organization verification (issue 11 item 7, ADR 0029): what waits for the operator's check, and open claims. */
export default function OrganizationVerifications() {
  const { t, locale } = useI18n();
  const { pending, claims } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <PageTitle title={t("orgVerify.title")} />
      <h1>{t("orgVerify.title")}</h1>
      {search.get("verified") ? (
        <p className="notice" role="status">
          {t("orgVerify.verified")}
        </p>
      ) : null}
      {search.get("resolved") ? (
        <p className="notice" role="status">
          {t("orgVerify.resolved")}
        </p>
      ) : null}
      <p>{t("orgVerify.intro")}</p>
      <h2>{t("orgVerify.pendingTitle")}</h2>
      {pending.length === 0 ? (
        <p>{t("orgVerify.noPending")}</p>
      ) : (
        <table>
          <caption>{t("orgVerify.pendingCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("orgVerify.corporateNumber")}</th>
              <th scope="col">{t("orgVerify.name")}</th>
              <th scope="col">{t("orgVerify.address")}</th>
              <th scope="col">{t("orgVerify.registeredBy")}</th>
              <th scope="col">{t("orgVerify.registeredAt")}</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((o) => (
              <tr key={o.id}>
                <td>
                  <a href={`/${locale}/operator/organizations/${o.id}`}>{o.corporateNumber ?? "—"}</a>
                </td>
                <td>
                  {o.nameJa}
                  {o.nameEn ? (
                    <>
                      <br />
                      <small>{o.nameEn}</small>
                    </>
                  ) : null}
                </td>
                <td>{`${o.postalCode ? `〒${o.postalCode} ` : ""}${o.addressJa ?? "—"}`}</td>
                <td>{o.registeredBy ?? "—"}</td>
                <td>
                  <Instant at={o.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("orgVerify.claimsTitle")}</h2>
      {claims.length === 0 ? (
        <p>{t("orgVerify.noClaims")}</p>
      ) : (
        <table>
          <caption>{t("orgVerify.claimsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("orgVerify.corporateNumber")}</th>
              <th scope="col">{t("orgVerify.organization")}</th>
              <th scope="col">{t("orgVerify.status")}</th>
              <th scope="col">{t("orgVerify.claimant")}</th>
              <th scope="col">{t("orgVerify.registeredAt")}</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/${locale}/operator/organizations/claims/${c.id}`}>{c.corporateNumber ?? "—"}</a>
                </td>
                <td>{c.organizationNameJa}</td>
                <td>{t(`orgVerify.statuses.${c.organizationStatus}`)}</td>
                <td>
                  {c.claimantName} ({c.claimantEmail})
                </td>
                <td>
                  <Instant at={c.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
