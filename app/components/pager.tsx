import { useI18n } from "../lib/i18n.tsx";

/** Previous/next links that keep the list's filters (plain links: works without JavaScript). */
export function Pager({ page, pages, total, search }: { page: number; pages: number; total: number; search: string }) {
  const { t } = useI18n();
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <p>{t("pager.status", { page, pages, total })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t("pager.previous")}
            </a>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {t("pager.next")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
