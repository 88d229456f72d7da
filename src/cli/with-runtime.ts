/**
 * Opens the runtime (database, auth, mailer) for a CLI command from the same
 * environment the server uses, and closes it afterwards. Start-up faults
 * (bad DATABASE_URL, unwritable data folder) become one line and exit code 1.
 */
import { ConfigError, readConfig } from "../config.ts";
import { DatabaseUnavailableError } from "../db/connect.ts";
import { type Runtime, createRuntime } from "../service-context.ts";

export async function withRuntime(fn: (rt: Runtime) => Promise<number>): Promise<number> {
  let rt: Runtime;
  try {
    rt = await createRuntime(readConfig());
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DatabaseUnavailableError) {
      process.stderr.write(`jip: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  try {
    return await fn(rt);
  } finally {
    await rt.database.close();
  }
}
