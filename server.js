// The production server: serves the built app with compression and static
// files. Started by `npm start` (scripts/start.sh) after `jip migrate`/`seed`.
// Start-up faults end the process with one line naming the cause.
import { createServer } from "node:net";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";

const CLIENT_IP_HEADER = "x-jip-client-ip";

function fail(message) {
  process.stderr.write(`jip: ${message}\n`);
  process.exit(1);
}

async function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number from 1 to 65535 (got "${process.env.PORT}")`);
if (!(await portIsFree(port, host))) fail(`port ${port} is already in use (set PORT to use another)`);

let build;
try {
  build = await import("./build/server/index.js");
} catch {
  fail("the app is not built (run: npm run build)");
}
try {
  await build.entry.module.startRuntime();
} catch (err) {
  fail(err instanceof Error ? err.message.split("\n")[0] : String(err));
}

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// The client IP comes from the socket (or the first proxy hop when TRUST_PROXY=1), never from a client header.
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", 1);
app.use((req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "unknown";
  next();
});
app.all("/{*path}", createRequestHandler({ build }));

const server = app.listen(port, host, () => {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  process.stdout.write(`JIP Platform is running at ${url}/\n`);
});
server.on("error", (err) => fail(err.message));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
