/**
 * Why a change was refused (a 409 from the request glue): a summary box at
 * the top of the page with each reason as a sentence in the reader's
 * language. Without props it shows the refusal of this page's last form post;
 * pass `reasons` to show others (e.g. what blocks a round's next phase).
 */
import { useActionData } from "react-router";
import { useI18n } from "../lib/i18n.tsx";

export function Refusal({ reasons, title }: { reasons?: readonly string[] | undefined; title?: string }) {
  const { t } = useI18n();
  const posted = useRefusalReasons();
  const list = reasons ?? posted;
  if (list.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="refusal-title" tabIndex={-1}>
      <h2 id="refusal-title">{title ?? t("form.refusedTitle")}</h2>
      <ul>
        {list.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

/** The reasons of this page's last refused form post (empty when it was not refused). */
export function useRefusalReasons(): readonly string[] {
  const posted = useActionData() as { refusals?: unknown } | undefined;
  return Array.isArray(posted?.refusals) ? (posted.refusals as string[]) : [];
}
