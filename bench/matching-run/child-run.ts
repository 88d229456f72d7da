/**
 * Child process of bench/matching-run/run.ts: the operator's runMatching use case, once, on a
 * round the parent seeded, in a fresh process so that peak RSS is the use case's own (plus Node's
 * and the app's modules), not the seeding's. Prints {ms, cpuMs, maxRssMB, runId}.
 * Run: node --import tsx/esm bench/matching-run/child-run.ts <database url> <round id> <operator user id>
 */
import { connect } from "#src/db/connect.ts";
import type { Actor, ServiceContext } from "#src/services/context.ts";
import { runMatching } from "#src/services/matching/run-matching.ts";

const [databaseUrl, roundId, userId] = process.argv.slice(2) as [string, string, string];
const db = await connect({ databaseUrl });
try {
  const ctx = { db: db.kysely, clock: () => new Date() } as unknown as ServiceContext;
  const operator: Actor = {
    userId,
    email: `bench-${userId}@bench.jip.example`,
    name: "Bench operator",
    role: "operator",
    locale: "en",
    timeZone: null,
    twoFactorEnabled: true,
    recentlyAuthenticated: true,
    ip: null,
  };
  // warm the connection pool so that the timed part is the use case, not the first connect
  await db.kysely.selectFrom("rounds").select("id").where("id", "=", roundId).execute();
  const t = performance.now();
  const c = process.cpuUsage();
  const { runId } = await runMatching(ctx, operator, { roundId, form: {} });
  const d = process.cpuUsage(c);
  const ms = performance.now() - t;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs: (d.user + d.system) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, runId })}\n`);
} finally {
  await db.close();
}
