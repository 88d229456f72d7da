/**
 * Why a change was refused (a 409 from the request glue), drawn by the one
 * refusal box (components/forms/refusal.tsx). Without props it shows the
 * refusal of this page's last form post; pass `reasons` to show others
 * (e.g. what blocks a round's next phase).
 */
import { useActionData } from "react-router";
import { useI18n } from "../lib/i18n.tsx";
import { RefusalBox } from "./forms/refusal.tsx";

export function Refusal({ reasons, title, id }: { reasons?: readonly string[] | undefined; title?: string; id?: string }) {
  const { t } = useI18n();
  const posted = useRefusalReasons();
  return <RefusalBox title={title ?? t("form.refusedTitle")} reasons={reasons ?? posted} id={id} />;
}

/** The reasons of this page's last refused form post (empty when it was not refused). */
export function useRefusalReasons(): readonly string[] {
  const posted = useActionData() as { refusals?: unknown } | undefined;
  return Array.isArray(posted?.refusals) ? (posted.refusals as string[]) : [];
}
