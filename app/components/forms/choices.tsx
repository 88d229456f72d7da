/**
 * Checkbox groups, radio groups and the single checkbox. A group is a
 * fieldset whose legend is the question; each box sits right before its own
 * label (and the option's hint under it), never at the far end of the line.
 * The first box of a group has the group's id, so the error summary's link
 * puts the keyboard on it.
 */
import type { ReactNode } from "react";
import { type FormState, errorsFor, fieldId, typedList, typedValue } from "./form-state.ts";
import { ErrorMessage, GroupFrame, Hint, controlAria } from "./parts.tsx";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface GroupProps {
  name: string;
  legend: ReactNode;
  state?: FormState;
  options: readonly ChoiceOption[];
  hint?: ReactNode;
  required?: boolean;
  /** Options side by side when they are short (yes / no). */
  inline?: boolean;
}

function optionId(id: string, index: number, value: string): string {
  return index === 0 ? id : `${id}-${value.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

function Group({
  type,
  name,
  legend,
  state,
  options,
  hint,
  required,
  inline,
  isChecked,
}: GroupProps & { type: "checkbox" | "radio"; isChecked: (value: string) => boolean }) {
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  return (
    <GroupFrame id={id} legend={legend} required={required} hint={hint} errors={errors}>
      <div className={inline ? "choices choices-inline" : "choices"}>
        {options.map((o, i) => {
          const oid = optionId(id, i, o.value);
          return (
            <div className="choice" key={o.value}>
              <input
                type={type}
                id={oid}
                name={name}
                value={o.value}
                defaultChecked={isChecked(o.value)}
                aria-describedby={o.hint ? `${oid}-hint` : undefined}
              />
              <label htmlFor={oid}>{o.label}</label>
              <Hint id={`${oid}-hint`}>{o.hint}</Hint>
            </div>
          );
        })}
      </div>
    </GroupFrame>
  );
}

export interface CheckboxGroupProps extends GroupProps {
  /** The saved choices, shown until the form is submitted. */
  checked?: readonly string[];
}

export function CheckboxGroup({ checked = [], ...props }: CheckboxGroupProps) {
  const chosen = new Set(typedList(props.state, props.name) ?? checked);
  return <Group type="checkbox" {...props} isChecked={(v) => chosen.has(v)} />;
}

export interface RadioGroupProps extends GroupProps {
  /** The saved choice, shown until the form is submitted. */
  defaultValue?: string | null;
}

export function RadioGroup({ defaultValue, ...props }: RadioGroupProps) {
  const chosen = props.state?.values ? (typedValue(props.state, props.name) ?? "") : (defaultValue ?? "");
  return <Group type="radio" {...props} isChecked={(v) => v === chosen} />;
}

export interface CheckboxProps {
  name: string;
  label: ReactNode;
  state?: FormState;
  /** Saved state, shown until the form is submitted. */
  checked?: boolean;
  /** What the box sends when ticked (the browser's default is "on"). */
  value?: string;
  hint?: ReactNode;
}

/** One yes/no box on its own (an agreement, a confirmation). */
export function Checkbox({ name, label, state, checked = false, value = "on", hint }: CheckboxProps) {
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  const ticked = state?.values ? typedValue(state, name) === value : checked;
  return (
    <div className={errors.length ? "field field-error" : "field"}>
      <ErrorMessage id={`${id}-error`} errors={errors} />
      <div className="choice">
        <input type="checkbox" id={id} name={name} value={value} defaultChecked={ticked} {...controlAria(id, Boolean(hint), errors)} />
        <label htmlFor={id}>{label}</label>
        <Hint id={`${id}-hint`}>{hint}</Hint>
      </div>
    </div>
  );
}
