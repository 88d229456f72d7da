/**
 * Countries picked from a list, not typed as ISO codes (issue 19 item 8): a
 * fieldset of checkboxes, one collapsible group per world region (plain
 * <details>, so it works with JavaScript off). A region with a chosen country
 * is open. Posts the ISO codes under one name.
 */
import type { CountryRegion } from "#src/services/hosts/country-choices.ts";
import { useI18n } from "../lib/i18n.tsx";
import { type FormState, errorsFor, fieldId, typedList } from "./forms/form-state.ts";
import { GroupFrame } from "./forms/parts.tsx";

export function CountryPicker({
  name,
  legend,
  regions,
  state,
  checked = [],
}: {
  name: string;
  legend: string;
  regions: readonly CountryRegion[];
  state: FormState | undefined;
  checked?: readonly string[];
}) {
  const { t, locale } = useI18n();
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  const chosen = new Set(typedList(state, name) ?? checked);
  const nameOf = (c: { nameJa: string; nameEn: string }) => (locale === "ja" ? c.nameJa : c.nameEn);
  return (
    <GroupFrame id={id} legend={legend} hint={t("hostCountries.hint")} errors={errors} className="country-picker">
      {regions.map((r, ri) => {
        const count = r.countries.filter((c) => chosen.has(c.code)).length;
        const countries = [...r.countries].sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale));
        return (
          <details key={r.region} open={count > 0}>
            <summary id={ri === 0 ? id : undefined}>
              {t(`hostCountries.regions.${r.region}`)} ({t("hostCountries.chosen", { count })})
            </summary>
            <div className="choices country-choices">
              {countries.map((c) => {
                const oid = `${id}-${c.code}`;
                return (
                  <div className="choice" key={c.code}>
                    <input type="checkbox" id={oid} name={name} value={c.code} defaultChecked={chosen.has(c.code)} />
                    <label htmlFor={oid}>{nameOf(c)}</label>
                  </div>
                );
              })}
            </div>
          </details>
        );
      })}
    </GroupFrame>
  );
}
