/** `jip seed --demo`: loads the deterministic demo data set once and prints its log-ins. */
import { DEMO_LOGINS, isDemoSeeded, seedDemo } from "../../db/seed/demo.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary = "load the demo data (--demo); does nothing when the database already has users";

export async function run(argv: string[]): Promise<number> {
  if (!argv.includes("--demo")) {
    process.stderr.write("usage: jip seed --demo\n");
    return 2;
  }
  return withRuntime(async (rt) => {
    if (await isDemoSeeded(rt.db)) {
      process.stdout.write("demo data already present (not reseeded)\n");
    } else {
      const hasUsers = await rt.db.selectFrom("user").select("id").limit(1).executeTakeFirst();
      if (hasUsers) {
        process.stdout.write("database has users that are not demo data: not seeding\n");
        return 0;
      }
      await seedDemo(rt);
      process.stdout.write("demo data loaded\n");
    }
    process.stdout.write(`\nDemo log-ins (password for all: ${DEMO_LOGINS.password}):\n`);
    for (const l of DEMO_LOGINS.accounts) process.stdout.write(`  ${l.role.padEnd(16)} ${l.email}\n`);
    return 0;
  });
}
