import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { HOST_DECISIONS } from "#src/domain/host-organization.ts";
import { roleGrants } from "#src/domain/roles.ts";
import { decideHostApplication } from "#src/services/hosts/decide-host-application.ts";
import { getHostApplicationReview } from "#src/services/hosts/get-host-application-review.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { listOrganizationHistory } from "#src/services/hosts/list-organization-history.ts";
import { regionName } from "#src/i18n/format.ts";
import { ErrorSummary, Select, SummaryList, TextArea, useFormState } from "../../../components/forms/index.ts";
import { Instant } from "../../../components/instant.tsx";
import { formatNumber, formatPeriod, useI18n } from "../../../lib/i18n.tsx";
import { readForm, requestContext, run, runForm } from "../../../lib/request.server.ts";
import type { Route } from "./+types/detail";
import { Refusal } from "../../../components/refusal.tsx";
import { PageTitle } from "../../../components/page-title.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const review = await run(request, locale, () => getHostApplicationReview(rt, actor, params.id));
  // hosts (issue 19 item 8): the organization's history, kept since migration 0017
  const history = await run(request, locale, () => listOrganizationHistory(rt, actor, review.row.organizationId));
  return { review, history, ref: await getHostReferenceLists(rt), canDecide: Boolean(actor && roleGrants(actor.role, "hosts.decide")) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const form = await request.formData();
  const out = await runForm(request, locale, form, () => decideHostApplication(rt, actor, params.id, readForm(form)));
  if (!out.ok) return out.response;
  return redirect(`/${locale}/operator/hosts/${params.id}?decided=1`);
}

export default function HostReview() {
  const { t, locale } = useI18n();
  const { review, history, ref, canDecide } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const r = review.row;
  const o = review.organization;
  const nameOf = (code: string, list: { code: string; nameJa: string; nameEn: string }[]) => {
    const x = list.find((p) => p.code === code);
    return x ? (locale === "ja" ? x.nameJa : x.nameEn) : code;
  };
  const orgValue = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return "—";
    if (field === "prefectureCode") return nameOf(String(v), ref.prefectures);
    if (field === "jsicDivision") return `${String(v)} ${nameOf(String(v), ref.jsicDivisions)}`;
    if (field === "kind") return t(`hostOrg.kinds.${String(v)}`);
    if (field === "overseasStatus") return t(`hostOrg.overseas.${String(v)}`);
    if (field === "overseasCountries") return (v as string[]).map((c) => regionName(c, locale)).join(", ");
    if (field === "workLanguages") return (v as string[]).map((l) => t(`hostOrg.languages.${l}`)).join(", ");
    if (typeof v === "number") return formatNumber(v, locale);
    return Array.isArray(v) ? v.join(", ") : String(v);
  };
  const orgRows: [string, string][] = [
    [t("hostOrg.nameJa"), r.nameJa],
    [t("hostOrg.nameEn"), r.nameEn ?? "—"],
    [t("hostOrg.corporateNumber"), r.corporateNumber ?? "—"],
    [t("hostOrg.legalForm"), o.legalForm],
    [t("hostOrg.kind"), t(`hostOrg.kinds.${r.kind}`)],
    [t("hostOrg.prefecture"), `${nameOf(r.prefectureCode, ref.prefectures)} (${t(`hostOrg.regions.${r.region}`)})`],
    [t("hostOrg.addressJa"), `${o.postalCode ? `〒${o.postalCode} ` : ""}${o.addressJa ?? ""}`],
    [t("hostOrg.jsicDivision"), `${r.jsicDivision} ${nameOf(r.jsicDivision, ref.jsicDivisions)}`],
    [t("hostOrg.employees"), `${formatNumber(r.employees, locale)} (${t(`hostOrg.sizeClasses.${r.sizeClass}`)})`],
    [t("hostOrg.capitalYen"), o.capitalYen === null ? "—" : formatNumber(o.capitalYen, locale)],
    [t("hostOrg.overseasStatus"), t(`hostOrg.overseas.${r.overseasStatus}`)],
    [t("hostOrg.overseasCountries"), o.overseasCountries.map((c) => regionName(c, locale)).join(", ") || "—"],
    [t("hostOrg.workLanguages"), o.workLanguages.map((l) => t(`hostOrg.languages.${l}`)).join(", ")],
    [t("hostOrg.website"), o.website ?? "—"],
  ];
  const p = review.plan;
  const planRows: [string, string][] = [
    [t("hostApplication.goalsLegend"), p.goals.map((g) => t(`hostApplication.goals.${g}`)).join(", ")],
    [t("hostApplication.goalsDescription"), p.goalsDescription ?? "—"],
    [t("hostApplication.supervisorName"), p.supervisorName ?? "—"],
    [t("hostApplication.workGuidance"), p.workGuidance ?? "—"],
    [t("hostApplication.housingSupport"), p.housingSupport ?? "—"],
    [t("hostApplication.commutingSupport"), p.commutingSupport ?? "—"],
    [t("hostApplication.insuranceSupport"), p.insuranceSupport ?? "—"],
    [t("hostApplication.arrivalSupport"), p.arrivalSupport ?? "—"],
  ];
  const labels = { decision: t("hostScreening.decision"), reason: t("hostScreening.reason") };
  return (
    <>
      <PageTitle title={t("hostScreening.detailTitle", { receipt: r.receiptNumber ?? "—" })} />
      <h1>{t("hostScreening.detailTitle", { receipt: r.receiptNumber ?? "—" })}</h1>
      <Refusal />
      {search.get("decided") ? (
        <p className="notice" role="status">
          {t("hostScreening.decided")}
        </p>
      ) : null}
      <p>
        {locale === "ja" ? review.roundNameJa : review.roundNameEn} — {t("hostScreening.status")}:{" "}
        <strong data-testid="host-status">{t(`hostStatus.${r.status}`)}</strong>
        {r.submittedAt ? (
          <>
            {" "}
            — {t("hostApplication.submittedAt")}: <Instant at={r.submittedAt} />
          </>
        ) : null}
      </p>
      <h2>{t("hostScreening.organizationTitle")}</h2>
      <SummaryList rows={orgRows.map(([k, v]) => ({ key: k, label: k, value: v }))} />
      <h2>{t("rights.orgHistory.title")}</h2>
      {history.length === 0 ? (
        <p>{t("rights.orgHistory.none")}</p>
      ) : (
        <>
          <p>{t("rights.orgHistory.lead")}</p>
          <table className="stack-narrow" data-testid="organization-history">
            <thead>
              <tr>
                <th scope="col">{t("rights.orgHistory.when")}</th>
                <th scope="col">{t("rights.orgHistory.by")}</th>
                <th scope="col">{t("rights.orgHistory.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td data-label={t("rights.orgHistory.when")}>
                    <Instant at={h.at} />
                  </td>
                  <td data-label={t("rights.orgHistory.by")}>{h.by ?? t("rights.orgHistory.unknown")}</td>
                  <td data-label={t("rights.orgHistory.changes")}>
                    <ul>
                      {h.changes.map((c) => (
                        <li key={c.field}>
                          {t(`hostOrg.${c.field === "prefectureCode" ? "prefecture" : c.field}`)}: {orgValue(c.field, c.from)} → {orgValue(c.field, c.to)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t("hostScreening.planTitle")}</h2>
      <SummaryList rows={planRows.map(([k, v]) => ({ key: k, label: k, value: v }))} />
      <h2>{t("hostApplication.positionsTitle")}</h2>
      <table>
        <caption>{t("hostApplication.positionsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hostApplication.positionTitle")}</th>
            <th scope="col">{t("hostApplication.department")}</th>
            <th scope="col">{t("hostApplication.prefecture")}</th>
            <th scope="col">{t("hostApplication.capacity")}</th>
            <th scope="col">{t("hostApplication.period")}</th>
            <th scope="col">{t("hostApplication.language")}</th>
            <th scope="col">{t("hostApplication.fields")}</th>
          </tr>
        </thead>
        <tbody>
          {review.positions.map((x) => (
            <tr key={x.id}>
              <td>
                {x.title}
                <br />
                <small>{x.description}</small>
              </td>
              <td>{x.department ?? "—"}</td>
              <td>{nameOf(x.prefectureCode, ref.prefectures)}</td>
              <td>{t("hostApplication.capacityValue", { n: x.capacity })}</td>
              <td>{formatPeriod(x.periodStart, x.periodEnd, locale)}</td>
              <td>{t(`hostApplication.languages.${x.language}`)}</td>
              <td>{x.fields.join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("hostScreening.decisionTitle")}</h2>
      {review.decidedAt ? (
        <p>
          {t(`hostStatus.${r.status}`)} — <Instant at={review.decidedAt} />
          <br />
          {t("hostScreening.reason")}: {review.decisionReason}
        </p>
      ) : null}
      {canDecide && r.status === "submitted" ? (
        <>
          <ErrorSummary state={formState} labels={labels} />
          <Form method="post" noValidate>
            <Select
              name="decision"
              label={labels.decision}
              state={formState}
              required
              placeholder={t("hostOrg.choose")}
              options={HOST_DECISIONS.map((d) => ({ value: d, label: t(`hostScreening.decisions.${d}`) }))}
            />
            <TextArea name="reason" label={labels.reason} hint={t("hostScreening.reasonHint")} state={formState} required />
            <button type="submit">{t("hostScreening.decide")}</button>
          </Form>
        </>
      ) : null}
      <p>
        <a href={`/${locale}/operator/hosts?roundId=${encodeURIComponent(r.roundId)}`}>{t("hostScreening.back")}</a>
      </p>
    </>
  );
}
