/** The server's one runtime (database, auth, mailer), created on first use. */
import { readConfig } from "#src/config.ts";
import { type Runtime, createRuntime } from "#src/service-context.ts";

let runtime: Promise<Runtime> | null = null;

export function getRuntime(): Promise<Runtime> {
  runtime ??= createRuntime(readConfig());
  return runtime;
}
