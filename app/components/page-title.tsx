/**
 * The page's `<title>`: "<page> – <site name>", with "Error: " first when the
 * form on the page came back with errors or was refused (WCAG 2.4.2 and 3.3.1).
 * Every page renders one next to its `<h1>` (tests/unit/page-titles.test.ts
 * checks that each route does); React places it in the document's head.
 */
import { useActionData } from "react-router";
import { useI18n } from "../lib/i18n.tsx";
import { errorTitle } from "./forms/error-summary.tsx";
import type { FormState } from "./forms/form-state.ts";

export function pageTitle(t: ReturnType<typeof useI18n>["t"], title: string, failed: FormState | undefined, refused: boolean): string {
  const page = refused ? t("form.errorTitle", { title }) : errorTitle(t, title, failed);
  return `${page} – ${t("site.name")}`;
}

export function PageTitle({ title, error }: { title: string; error?: boolean }) {
  const { t } = useI18n();
  const data = useActionData() as (FormState & { ok?: boolean; refusals?: string[] }) | undefined;
  const failed = data && data.ok === false ? data : undefined;
  const refused = error === true || (failed?.refusals?.length ?? 0) > 0;
  return <title>{pageTitle(t, title, failed, refused)}</title>;
}
