/**
 * A real clamd for tests (issue 11 item 10): started in a temporary folder with
 * its own clamd.conf, listening on a unix socket and a free TCP port on
 * 127.0.0.1, with a signature database made here (signature downloads are not
 * available). The signature is an extended (.ndb) one matching a marker string
 * anywhere in any file: an EICAR-like test pattern of our own.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pingClamd } from "#src/services/malware/clamd-scanner.ts";

export const CLAMD_BINARY = ["/usr/sbin/clamd", "/usr/bin/clamd", "/usr/local/sbin/clamd"].find((p) => existsSync(p)) ?? null;

/** Any file that contains this text is "infected" for the test clamd. */
export const TEST_MALWARE_MARKER = "JIP-MALWARE-TEST-MARKER-7f3a9c";
export const TEST_SIGNATURE_NAME = "Jip.Test.Marker";

export interface TestClamd {
  socketPath: string;
  host: string;
  port: number;
  dir: string;
  /** Freezes clamd (SIGSTOP): connections are accepted by the kernel but nothing is answered until resume(). */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestClamd(): Promise<TestClamd> {
  if (!CLAMD_BINARY) throw new Error("clamd is not installed (Debian package clamav-daemon)");
  const dir = mkdtempSync(path.join(tmpdir(), "jip-clamd-"));
  const dbDir = path.join(dir, "db");
  mkdirSync(dbDir);
  // Extended signature: Name:TargetType(0 = any file):Offset(* = anywhere):hex of the marker.
  writeFileSync(path.join(dbDir, "jip-test.ndb"), `${TEST_SIGNATURE_NAME}:0:*:${Buffer.from(TEST_MALWARE_MARKER).toString("hex")}\n`);
  const socketPath = path.join(dir, "clamd.sock");
  const port = await freePort();
  const host = "127.0.0.1";
  writeFileSync(
    path.join(dir, "clamd.conf"),
    [
      `LocalSocket ${socketPath}`,
      `TCPSocket ${port}`,
      `TCPAddr ${host}`,
      `DatabaseDirectory ${dbDir}`,
      `LogFile ${path.join(dir, "clamd.log")}`,
      `PidFile ${path.join(dir, "clamd.pid")}`,
      "Foreground yes",
      "SelfCheck 0",
      "Bytecode no",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(CLAMD_BINARY, ["-c", path.join(dir, "clamd.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!(await pingClamd({ socketPath }, 1_000))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const log = existsSync(path.join(dir, "clamd.log")) ? readFileSync(path.join(dir, "clamd.log"), "utf8") : "";
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`the test clamd did not start: ${stderr}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    socketPath,
    host,
    port,
    dir,
    pause() {
      child.kill("SIGSTOP");
    },
    resume() {
      child.kill("SIGCONT");
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGCONT");
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
