/** A group of related fields under one legend (a section of a long form, the same text in several languages). */
import { type ReactNode, useId } from "react";

export function Fieldset({ legend, hint, children, id }: { legend: ReactNode; hint?: ReactNode; children: ReactNode; id?: string }) {
  const hintId = useId();
  return (
    <fieldset className="group" id={id} aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
