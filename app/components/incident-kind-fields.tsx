/**
 * What kind of incident and how serious: the two choices every incident form asks (the operator's, the host's and
 * the intern's), labelled from the page's catalogue (`<namespace>.categories.*`, `<namespace>.severities.*`).
 */
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from "#src/domain/internship/survey.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Select } from "./forms/index.ts";
import type { FormState } from "./forms/form-state.ts";

export function IncidentKindFields({ state, labels, namespace }: { state: FormState | undefined; labels: Record<string, string>; namespace: string }) {
  const { t } = useI18n();
  return (
    <>
      <Select
        name="category"
        label={labels.category ?? ""}
        state={state}
        required
        placeholder="—"
        options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`${namespace}.categories.${c}`) }))}
      />
      <Select
        name="severity"
        label={labels.severity ?? ""}
        state={state}
        required
        placeholder="—"
        options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`${namespace}.severities.${s}`) }))}
      />
    </>
  );
}
