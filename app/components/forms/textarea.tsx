/**
 * A multi-line text field. With `characterCount` the page says how many
 * characters may be entered; /enhance.js turns that line into a live count
 * ("You have 12 characters left", "3 characters too many") as the person
 * types — the count is an enhancement only, the server checks the length.
 */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n.tsx";
import { type FormState, errorsFor, fieldId, typedValue } from "./form-state.ts";
import { FieldFrame, controlAria } from "./parts.tsx";

export interface TextAreaProps {
  name: string;
  label: ReactNode;
  state?: FormState;
  hint?: ReactNode;
  required?: boolean;
  defaultValue?: string | null;
  rows?: number;
  /** The most characters allowed: shown under the box and counted live when JavaScript runs. */
  characterCount?: number;
  /** Hard limit in the browser (truncates pastes: prefer characterCount alone). */
  maxLength?: number;
}

/** The count sentences for the script: rendered for 7 (replaced by the real number), and for 1 where a language says it differently. */
function counterTemplates(t: ReturnType<typeof useI18n>["t"]) {
  const attrs: Record<string, string> = {};
  for (const [attr, key] of [
    ["left", "form.charactersLeft"],
    ["over", "form.charactersTooMany"],
  ] as const) {
    const many = t(key, { count: 7 });
    const one = t(key, { count: 1 });
    attrs[`data-counter-${attr}`] = many;
    if (one !== many.replace("7", "1")) attrs[`data-counter-${attr}-one`] = one;
  }
  return attrs;
}

export function TextArea({ name, label, state, hint, required, defaultValue, rows = 4, characterCount, maxLength }: TextAreaProps) {
  const { t } = useI18n();
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  const counted = characterCount !== undefined;
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        defaultValue={typedValue(state, name) ?? defaultValue ?? ""}
        {...controlAria(id, Boolean(hint), errors, counted && `${id}-count`)}
        {...(counted ? { "data-counter": characterCount, ...counterTemplates(t) } : {})}
      />
      {counted ? (
        <p className="hint counter" id={`${id}-count`}>
          {t("form.characterLimit", { max: characterCount })}
        </p>
      ) : null}
    </FieldFrame>
  );
}
