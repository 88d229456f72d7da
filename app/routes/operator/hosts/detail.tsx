import { Form, redirect, useLoaderData, useSearchParams } from "react-router";
import { HOST_DECISIONS } from "#src/domain/host-organization.ts";
import { roleGrants } from "#src/domain/roles.ts";
import { decideHostApplication } from "#src/services/hosts/decide-host-application.ts";
import { getHostApplicationReview } from "#src/services/hosts/get-host-application-review.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
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
  return { review, ref: await getHostReferenceLists(rt), canDecide: Boolean(actor && roleGrants(actor.role, "hosts.decide")) };
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
  const { review, ref, canDecide } = useLoaderData<typeof loader>();
  const formState = useFormState();
  const [search] = useSearchParams();
  const r = review.row;
  const o = review.organization;
  const nameOf = (code: string, list: { code: string; nameJa: string; nameEn: string }[]) => {
    const x = list.find((p) => p.code === code);
    return x ? (locale === "ja" ? x.nameJa : x.nameEn) : code;
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
    [t("hostOrg.overseasCountries"), o.overseasCountries.join(", ") || "—"],
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
