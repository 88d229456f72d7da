/**
 * A platform server of its own for one spec (fresh data folder and, for
 * PostgreSQL, a fresh database), for tests that change or stress the server
 * in ways the shared e2e servers must not see: the input fuzz posts every
 * form as every role, and the body-limit test streams large bodies.
 * Ports: each spec that owns a server names its slot, so that two such specs
 * running at once in different workers never share a port: slot n listens on
 * E2E_PORT_BASE + 2 + 2n (PGlite) and + 3 + 2n (PostgreSQL). A port that
 * already answers is an error, never a server to borrow.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { SERVERS, type ServerKind } from "./servers.ts";

export interface OwnServer {
  kind: ServerKind;
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

const base = Number(process.env.E2E_PORT_BASE ?? 4310);

/** The slot of each spec that starts a server of its own. */
export const OWN_SERVER_SLOTS = { fuzz: 0, "output-hygiene": 1, "malware-scan": 2 } as const;
export type OwnServerSlot = keyof typeof OWN_SERVER_SLOTS;

export function ownServerPort(kind: ServerKind, slot: OwnServerSlot): number {
  return base + 2 + 2 * OWN_SERVER_SLOTS[slot] + (kind === "pglite" ? 0 : 1);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

async function dropDatabase(dataDir: string): Promise<void> {
  const file = path.join(dataDir, "database-name");
  if (!existsSync(file)) return;
  const name = readFileSync(file, "utf8").trim();
  if (!/^jip_e2e_[0-9_]+(_seeded)?$/.test(name)) return;
  const client = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/postgres" });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * `publicUrl`: the address the server is told it has (e.g. https, as behind a TLS proxy); it still listens on plain HTTP.
 * `env`: more environment variables for the server (e.g. CLAMD_SOCKET).
 */
export async function startOwnServer(
  kind: ServerKind,
  slot: OwnServerSlot,
  options: { publicUrl?: string; env?: Record<string, string> } = {},
): Promise<OwnServer> {
  const port = ownServerPort(kind, slot);
  const baseURL = `http://localhost:${port}`;
  if (await answers(`${baseURL}/healthz`)) throw new Error(`port ${port} already answers: another server is running there, and this spec needs its own`);
  const dataDir = path.resolve(`reports/e2e-data-${kind}-${port}`);
  const env = {
    ...process.env,
    // Start from the shared server's seeded copy (serve.sh falls back to seeding when there is none).
    E2E_SEEDED_FROM: `${SERVERS[kind].dataDir}.seeded`,
    ...(options.publicUrl ? { E2E_PUBLIC_URL: options.publicUrl } : {}),
    ...options.env,
  };
  const child: ChildProcess = spawn("bash", ["e2e/support/serve.sh", kind, String(port)], { stdio: ["ignore", "ignore", "pipe"], detached: true, env });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  // Generous: migrating and seeding PGlite takes minutes on a busy 2-core machine.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${kind} server on port ${port} stopped: ${stderr}`);
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      // Never leave it behind: it would answer on this port for the next run.
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      throw new Error(`the ${kind} server on port ${port} did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    kind,
    baseURL,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once("exit", r));
        process.kill(-child.pid, "SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }
      if (kind === "postgres") await dropDatabase(dataDir);
    },
  };
}
