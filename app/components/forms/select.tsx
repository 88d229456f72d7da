/**
 * A drop-down list. For a question that may stay unanswered, the first
 * option is the empty one (`placeholder`, e.g. "Not selected" or "Any").
 * Prefer radios for fewer than about 6 options.
 */
import type { ReactNode } from "react";
import { type FormState, errorsFor, fieldId, typedValue } from "./form-state.ts";
import { FieldFrame, controlAria } from "./parts.tsx";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  name: string;
  label: ReactNode;
  state?: FormState;
  options: readonly SelectOption[];
  /** The label of an empty first option (value ""). */
  placeholder?: string;
  defaultValue?: string | null;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  /** The control's id when the page needs a fixed one (defaults to fieldId(name)). */
  id?: string;
}

export function Select({ name, label, state, options, placeholder, defaultValue, hint, required, autoComplete, id: givenId }: SelectProps) {
  const id = givenId ?? fieldId(name);
  const errors = errorsFor(state, name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errors={errors}>
      <select
        id={id}
        name={name}
        defaultValue={typedValue(state, name) ?? defaultValue ?? undefined}
        required={required}
        autoComplete={autoComplete}
        {...controlAria(id, Boolean(hint), errors)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
