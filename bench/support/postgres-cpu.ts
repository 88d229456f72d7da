/**
 * CPU time of the local PostgreSQL server's processes (Linux /proc), so that a benchmark can say how a
 * measured phase's CPU splits between Node and the database when both share the machine's cores.
 */
import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far by each live process named `postgres`, by pid (empty where /proc is missing). */
export function postgresCpuSeconds(): Map<string, number> {
  const out = new Map<string, number>();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) !== "postgres") continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks of 1/100 s
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}

/** CPU seconds the processes used between two readings (a backend that started in between counts from zero). */
export function postgresCpuSince(before: Map<string, number>, after: Map<string, number> = postgresCpuSeconds()): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
