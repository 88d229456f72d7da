/**
 * A one-line text field: a visible label, an optional hint, its errors next
 * to it (linked by aria-describedby) and what was typed kept. "number" is a
 * text box with a numeric keyboard (type=number changes values on scroll and
 * accepts "1e3"); a password is never sent back to the page.
 */
import type { ReactNode } from "react";
import { type FormState, errorsFor, fieldId, typedValue } from "./form-state.ts";
import { FieldFrame, controlAria } from "./parts.tsx";

export type FieldType = "text" | "email" | "number" | "password" | "tel" | "url" | "date" | "datetime-local" | "search";
export type InputMode = "numeric" | "decimal" | "email" | "tel" | "text" | "url" | "search";

export interface FieldProps {
  name: string;
  label: ReactNode;
  state?: FormState;
  type?: FieldType;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  /** The saved value, shown until the form is submitted (then what was typed is shown). */
  defaultValue?: string | number | null;
  inputMode?: InputMode;
  /** A narrower box for short answers (codes, numbers, years). */
  width?: "short" | "medium";
  /** The control's id when the page needs a fixed one (defaults to fieldId(name)). */
  id?: string;
}

export function Field({ name, label, state, type = "text", hint, required, autoComplete, defaultValue, inputMode, width, id: givenId }: FieldProps) {
  const id = givenId ?? fieldId(name);
  const errors = errorsFor(state, name);
  const value =
    type === "password" ? undefined : (typedValue(state, name) ?? (defaultValue === null || defaultValue === undefined ? undefined : String(defaultValue)));
  const numeric = type === "number";
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        type={numeric ? "text" : type}
        required={required}
        autoComplete={autoComplete}
        defaultValue={value}
        inputMode={inputMode ?? (numeric ? "numeric" : undefined)}
        spellCheck={numeric || type === "email" || type === "url" ? false : undefined}
        className={width ? `width-${width}` : undefined}
        {...controlAria(id, Boolean(hint), errors)}
      />
    </FieldFrame>
  );
}
