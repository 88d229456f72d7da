/**
 * parseInput for the host schemas: issues whose message is a key of a host
 * namespace (hostForm.*, hostOrg.*, hostApplication.*, hostScreening.*) keep
 * that key; every other issue gets the shared mapping of parseInput.
 */
import type { z } from "zod";
import { ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";

const HOST_KEY = /^host[A-Z][A-Za-z]*\./;

export function parseHostInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  try {
    parseInput(schema, input);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const seen: Record<string, number> = {};
    let formIndex = 0;
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      const list = path ? err.fieldErrors[path] : err.formErrors;
      const i = path ? (seen[path] = (seen[path] ?? -1) + 1) : formIndex++;
      const target = list?.[i];
      if (target && HOST_KEY.test(issue.message)) {
        target.key = issue.message;
        delete target.params;
      }
    }
    throw err;
  }
  throw new Error("a schema that failed once passed the second time");
}
