/**
 * A file chooser. The accepted formats and the largest size are said in
 * the hint (the `accept` list only filters the browser's dialog; the server
 * checks the real content and size and answers with a field error).
 */
import type { ReactNode } from "react";
import { useI18n } from "../../lib/i18n.tsx";
import { type FormState, errorsFor, fieldId } from "./form-state.ts";
import { FieldFrame, controlAria } from "./parts.tsx";

export interface FileUploadProps {
  name: string;
  label: ReactNode;
  state?: FormState;
  /** MIME types and extensions for the browser's dialog, e.g. ["application/pdf", ".csv"]. */
  accept: readonly string[];
  /** The formats as people know them, e.g. "PDF, JPEG, PNG". */
  types?: string;
  /** The largest file the server takes, in MB. */
  maxSizeMb?: number;
  hint?: ReactNode;
  required?: boolean;
}

export function FileUpload({ name, label, state, accept, types, maxSizeMb, hint, required }: FileUploadProps) {
  const { t } = useI18n();
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  const limits = [types ? t("form.fileTypes", { types }) : null, maxSizeMb ? t("form.fileMaxSize", { max: maxSizeMb }) : null].filter(Boolean).join(" ");
  const fullHint =
    hint || limits ? (
      <>
        {hint}
        {hint && limits ? " " : null}
        {limits}
      </>
    ) : null;
  return (
    <FieldFrame id={id} label={label} required={required} hint={fullHint} errors={errors}>
      <input id={id} name={name} type="file" accept={accept.join(",")} required={required} {...controlAria(id, Boolean(fullHint), errors)} />
    </FieldFrame>
  );
}
