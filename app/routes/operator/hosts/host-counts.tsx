/** Host applications of a round by region, industry and size class (on the round dashboard). */
import { SIZE_CLASSES } from "#src/domain/host-organization.ts";
import { REGIONS } from "#src/domain/regions.ts";
import type { HostCounts } from "#src/services/hosts/host-application-rows.ts";
import { formatNumber, useI18n } from "../../../lib/i18n.tsx";

function CountTable({ id, caption, rows }: { id: string; caption: string; rows: { key: string; label: string; n: number }[] }) {
  const { t, locale } = useI18n();
  return (
    <table data-testid={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t("hostScreening.count")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{formatNumber(r.n, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HostCountsSection({ roundId, counts }: { roundId: string; counts: HostCounts }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="host-counts-title">
      <h2 id="host-counts-title">{t("hostScreening.countsTitle")}</h2>
      {counts.total === 0 ? (
        <p>{t("hostScreening.noHosts")}</p>
      ) : (
        <div className="count-tables">
          <CountTable
            id="host-counts-region"
            caption={t("hostScreening.byRegion")}
            rows={REGIONS.filter((r) => counts.byRegion[r]).map((r) => ({ key: r, label: t(`hostOrg.regions.${r}`), n: counts.byRegion[r]! }))}
          />
          <CountTable
            id="host-counts-sector"
            caption={t("hostScreening.bySector")}
            rows={Object.keys(counts.byJsic)
              .sort()
              .map((k) => ({ key: k, label: k, n: counts.byJsic[k]! }))}
          />
          <CountTable
            id="host-counts-size"
            caption={t("hostScreening.bySize")}
            rows={SIZE_CLASSES.filter((s) => counts.bySizeClass[s]).map((s) => ({ key: s, label: t(`hostOrg.sizeClasses.${s}`), n: counts.bySizeClass[s]! }))}
          />
        </div>
      )}
      <p>
        <a href={`/${locale}/operator/hosts?roundId=${encodeURIComponent(roundId)}`}>{t("hostScreening.listLink")}</a>
      </p>
    </section>
  );
}
