/**
 * Runs a Zod schema and turns its issues into FieldErrors keyed by field
 * path. Each issue's message is an i18n key (schemas pass `{ error: <key under errors> }`);
 * Zod's own messages map to generic keys.
 */
import type { z } from "zod";
import { type FieldError, ValidationError } from "./errors.ts";

/** Paths of the text fields holding a NUL character (which no one types and PostgreSQL cannot store). */
function nulPaths(value: unknown, path: string, out: string[], depth = 0): string[] {
  if (typeof value === "string") {
    if (value.includes("\0")) out.push(path);
  } else if (value && typeof value === "object" && depth < 8 && !ArrayBuffer.isView(value) && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) nulPaths(v, path ? `${path}.${k}` : k, out, depth + 1);
  }
  return out;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulPaths(input, "", []);
  if (nul.length > 0) {
    const invalid = [{ key: "errors.invalidCharacters" }];
    throw new ValidationError(Object.fromEntries(nul.filter(Boolean).map((p) => [p, invalid])), nul.includes("") ? invalid : []);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, FieldError[]> = {};
  const formErrors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const error = toFieldError(issue);
    const path = issue.path.join(".");
    if (!path) formErrors.push(error);
    else (fieldErrors[path] ??= []).push(error);
  }
  throw new ValidationError(fieldErrors, formErrors);
}

const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z][\w]*)+$/;

/** One Zod issue as a FieldError: the schema's own i18n key, or a generic key (with its parameters) for Zod's own messages. */
export function toFieldError(issue: z.core.$ZodIssue): FieldError {
  // A schema's own message is an i18n key ("errors.required", "hostOrg.corporateNumberLength"):
  // dotted, no spaces — unlike Zod's default messages, which are sentences.
  // A length or size limit keeps its bound as a parameter, so "errors.tooLong" given by a schema
  // still says "at most 1000 characters" and never shows "{max}" (issue 19 item 5).
  if (MESSAGE_KEY.test(issue.message)) {
    if (issue.code === "too_big") return { key: issue.message, params: { max: Number(issue.maximum) } };
    // "Required" (a string's min(1)) has no bound to say.
    if (issue.code === "too_small" && issue.message !== "errors.required") return { key: issue.message, params: { min: Number(issue.minimum) } };
    return { key: issue.message };
  }
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return { key: "errors.required" };
      return { key: issue.origin === "string" ? "errors.tooShort" : "errors.tooSmall", params: { min: Number(issue.minimum) } };
    case "too_big":
      return { key: issue.origin === "string" ? "errors.tooLong" : "errors.tooBig", params: { max: Number(issue.maximum) } };
    case "invalid_type":
      return { key: issue.input === undefined || issue.input === "" ? "errors.required" : "errors.invalid" };
    case "invalid_format":
      return { key: issue.format === "email" ? "errors.email" : "errors.invalid" };
    default:
      return { key: "errors.invalid" };
  }
}
