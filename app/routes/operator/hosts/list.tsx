import { Form, useLoaderData, useLocation } from "react-router";
import { HOST_KINDS, OVERSEAS_STATUSES, SIZE_CLASSES } from "#src/domain/host-organization.ts";
import { REGIONS } from "#src/domain/regions.ts";
import { listHostApplications } from "#src/services/hosts/list-host-applications.ts";
import { getHostReferenceLists } from "#src/services/hosts/reference-lists.ts";
import { listRounds } from "#src/services/rounds/list-rounds.ts";
import { pageRequestFrom } from "#src/services/paging.ts";
import { Select } from "../../../components/forms/index.ts";
import { Pager } from "../../../components/pager.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { requestContext, run } from "../../../lib/request.server.ts";
import type { Route } from "./+types/list";
import { PageTitle } from "../../../components/page-title.tsx";

const FILTERS = ["roundId", "region", "jsic", "sizeClass", "overseasStatus", "kind", "status"] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { rt, actor, locale } = await requestContext(request, params);
  const sp = new URL(request.url).searchParams;
  const raw = Object.fromEntries(FILTERS.map((f) => [f, sp.get(f)?.trim() || undefined]));
  return run(request, locale, async () => {
    const list = await listHostApplications(rt, actor, raw, pageRequestFrom(sp));
    const rounds = (await listRounds(rt, actor, { page: 1, size: 200 })).items;
    return { list, rounds, ref: await getHostReferenceLists(rt) };
  });
}

export default function HostsList() {
  const { t, locale } = useI18n();
  const { list, rounds, ref } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const f = list.filter;
  const selects: { name: (typeof FILTERS)[number]; options: { value: string; label: string }[]; value: string | undefined }[] = [
    { name: "roundId", value: f.roundId, options: rounds.map((r) => ({ value: r.id, label: locale === "ja" ? r.nameJa : r.nameEn })) },
    { name: "region", value: f.region, options: REGIONS.map((r) => ({ value: r, label: t(`hostOrg.regions.${r}`) })) },
    { name: "jsic", value: f.jsic, options: ref.jsicDivisions.map((j) => ({ value: j.code, label: `${j.code} ${locale === "ja" ? j.nameJa : j.nameEn}` })) },
    { name: "sizeClass", value: f.sizeClass, options: SIZE_CLASSES.map((s) => ({ value: s, label: t(`hostOrg.sizeClasses.${s}`) })) },
    { name: "overseasStatus", value: f.overseasStatus, options: OVERSEAS_STATUSES.map((s) => ({ value: s, label: t(`hostOrg.overseas.${s}`) })) },
    { name: "kind", value: f.kind, options: HOST_KINDS.map((k) => ({ value: k, label: t(`hostOrg.kinds.${k}`) })) },
    {
      name: "status",
      value: f.status,
      options: (["submitted", "changes_requested", "accepted", "declined", "withdrawn"] as const).map((s) => ({ value: s, label: t(`hostStatus.${s}`) })),
    },
  ];
  const filterLabel = (n: string) => t(`hostScreening.filter.${n === "roundId" ? "round" : n}`);
  const exportParams = new URLSearchParams(search);
  exportParams.delete("page");
  return (
    <>
      <PageTitle title={t("hostScreening.title")} />
      <h1>{t("hostScreening.title")}</h1>
      <Form method="get" className="filters">
        {selects.map((s) => (
          <Select
            key={s.name}
            name={s.name}
            label={filterLabel(s.name)}
            placeholder={t("hostScreening.all")}
            options={s.options}
            defaultValue={s.value ?? ""}
          />
        ))}
        <button type="submit">{t("hostScreening.applyFilter")}</button>
      </Form>
      <p>
        <a href={`/${locale}/operator/hosts/export.csv?${exportParams.toString()}`} download>
          {t("hostScreening.exportCsv")}
        </a>
      </p>
      <table>
        <caption>{t("hostScreening.caption", { total: list.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hostScreening.receipt")}</th>
            <th scope="col">{t("hostScreening.organization")}</th>
            <th scope="col">{t("hostScreening.region")}</th>
            <th scope="col">{t("hostScreening.jsic")}</th>
            <th scope="col">{t("hostScreening.size")}</th>
            <th scope="col">{t("hostScreening.overseas")}</th>
            <th scope="col">{t("hostScreening.positions")}</th>
            <th scope="col">{t("hostScreening.status")}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((r) => (
            <tr key={r.id}>
              <td>{r.receiptNumber ?? "—"}</td>
              <td>
                <a href={`/${locale}/operator/hosts/${r.id}`}>{locale === "ja" ? r.nameJa : (r.nameEn ?? r.nameJa)}</a>
              </td>
              <td>{t(`hostOrg.regions.${r.region}`)}</td>
              <td>
                {(() => {
                  const j = ref.jsicDivisions.find((d) => d.code === r.jsicDivision);
                  return j ? `${j.code} ${locale === "ja" ? j.nameJa : j.nameEn}` : r.jsicDivision;
                })()}
              </td>
              <td>{t(`hostOrg.sizeClasses.${r.sizeClass}`)}</td>
              <td>{t(`hostOrg.overseas.${r.overseasStatus}`)}</td>
              <td>
                {r.positions} ({r.capacity})
              </td>
              <td>{t(`hostStatus.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={list.page} pages={list.pages} total={list.total} search={search} />
    </>
  );
}
