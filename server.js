/* global Headers, AbortController, Request */
// The production server: serves the built app with compression and static
// files. Started by `npm start` (scripts/start.sh) after `jip migrate`/`seed`.
// Start-up faults end the process with one line naming the cause.
import { clearTimeout, setTimeout } from "node:timers";
import { readdirSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { writeReadableStreamToWritable } from "@react-router/node";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "react-router";

const CLIENT_IP_HEADER = "x-jip-client-ip";

/**
 * Every request body is capped before anything parses it, by kind (issue 11
 * item 3): uploads (multipart) 11 MB — a 10 MB document and the form around
 * it — and every other body 1 MB, whether or not Content-Length is sent. A
 * body over its limit is not read further (the connection closes after the
 * answer); React Router gets the request without it, marked with
 * BODY_TOO_LARGE_HEADER, and answers with the localized 413 page
 * (app/lib/bad-request.server.ts).
 */
const BODY_LIMITS = { upload: 11 * 1024 * 1024, form: 1024 * 1024 };
const BODY_TOO_LARGE_HEADER = "x-jip-body-too-large";

function bodyLimit(req) {
  return /^multipart\/form-data/i.test(req.headers["content-type"] ?? "") ? BODY_LIMITS.upload : BODY_LIMITS.form;
}

/**
 * After an over-limit body has been refused, what the client still sends is read and dropped (never
 * kept), so that the 413 reaches it before the connection closes: closing a socket with unread data makes
 * the kernel reset the connection, and a client still sending then sees an error instead of the answer.
 * The dropping goes on until the answer has been written (rendering the localized 413 page takes a while
 * on a busy server; counting bytes from the refusal cut clients off before it was sent, and a test saw the
 * reset), then for up to LINGER_BYTES or LINGER_MS more; a client that keeps sending after that is cut
 * off, and so is one whose answer is not written within LINGER_MAX_MS. A busy client on the same machine
 * sent more than 32 MiB after the answer before reading it (e2e/body-limits.spec.ts under load); over a
 * network the time bound comes first.
 */
const LINGER_BYTES = 256 * 1024 * 1024;
const LINGER_MS = 5_000;
const LINGER_MAX_MS = 30_000;
function lingerThenClose(req) {
  const cutOff = () => req.socket.destroy();
  let timer = setTimeout(cutOff, LINGER_MAX_MS);
  let answered = false;
  let ended = false;
  let dropped = 0;
  // Express sets req.res; the answer's "finish" is when its last byte was handed to the socket.
  req.res?.once("finish", () => {
    answered = true;
    clearTimeout(timer);
    if (!ended) timer = setTimeout(cutOff, LINGER_MS);
  });
  req.on("data", (chunk) => {
    if (!answered) return;
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) cutOff();
  });
  // The whole body arrived: the connection may carry the next request.
  req.on("end", () => {
    ended = true;
    clearTimeout(timer);
  });
  req.socket.once("close", () => clearTimeout(timer));
  req.on("error", () => {});
}

/** The whole body, or null as soon as it is known to be over `limit` (then what follows is dropped). */
function readBody(req, limit) {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    lingerThenClose(req);
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const stop = (result) => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      if (result === null) lingerThenClose(req);
      resolve(result);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) stop(null);
      else chunks.push(chunk);
    };
    const onEnd = () => stop(Buffer.concat(chunks, size));
    const onError = (err) => {
      req.off("data", onData);
      req.off("end", onEnd);
      reject(err);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** Like @react-router/express's handler, but the body is read (and capped) here instead of streamed through. */
function reactRouterHandler(build) {
  const handle = createRequestHandler(build, process.env.NODE_ENV);
  return async (req, res, next) => {
    try {
      delete req.headers[BODY_TOO_LARGE_HEADER];
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const body = hasBody ? await readBody(req, bodyLimit(req)) : undefined;
      if (body === null) {
        req.headers[BODY_TOO_LARGE_HEADER] = "1";
        // No "Connection: close": Node would then close the socket as soon as the 413 is written, with the
        // client's data still arriving (see lingerThenClose); the client ends the connection, or is cut off.
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      // The origin as @react-router/express builds it: the Host header's name cut at the first URL delimiter, and its port.
      const port = Number.parseInt(req.get("host")?.split(":")[1] ?? "", 10);
      const host = `${req.hostname?.split(/[\\/?#@]/)[0] || "localhost"}${Number.isSafeInteger(port) ? `:${port}` : ""}`;
      const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
      const request = new Request(url.href, { method: req.method, headers, signal: controller.signal, body: body ?? undefined });
      const response = await handle(request);
      res.statusMessage = response.statusText;
      res.status(response.status);
      // Set-Cookie may come several times; any other header once (replacing the edge's, see edgeHeaders).
      for (const [key, value] of response.headers.entries()) {
        if (key === "set-cookie") res.append(key, value);
        else res.setHeader(key, value);
      }
      if (!response.body) res.end();
      else if (res.destroyed) await response.body.cancel();
      else await writeReadableStreamToWritable(response.body, res);
    } catch (err) {
      if (res.destroyed || res.writableEnded) return;
      next(err);
    }
  };
}

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

/**
 * Headers on every response, set at the edge so that nothing escapes them (issue 11 item 9): pages,
 * `.data` requests, resource routes (CSV, JSON, calendar files, documents), static files and error
 * answers. `nosniff` always; HSTS when the public URL is https (the proxy in front terminates TLS).
 */
const EDGE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  ...(/^https:\/\//i.test(process.env.PUBLIC_URL ?? "") ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
};
function edgeHeaders(_req, res, next) {
  for (const [key, value] of Object.entries(EDGE_HEADERS)) res.setHeader(key, value);
  next();
}

const app = express();
app.disable("x-powered-by");
app.use(edgeHeaders);
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
// The other files at the top of build/client (favicon, enhance.js): only a request for one of them asks the file
// system. Before, every page request first looked for a file of its path there (a failed stat each time).
const CLIENT_FILES = new Set(readdirSync("build/client"));
const clientFiles = express.static("build/client", { maxAge: "1h" });
app.use((req, res, next) => (CLIENT_FILES.has(req.path.split("/")[1]) ? clientFiles(req, res, next) : next()));
// The client IP comes from the socket (or the first proxy hop when TRUST_PROXY=1), never from a client header.
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", 1);
app.use((req, _res, next) => {
  req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? "unknown";
  next();
});
app.all("/{*path}", reactRouterHandler(build));

/**
 * Anonymous public pages kept by the page cache (app/lib/page-cache.server.ts, ADRs 0032 and 0042) are
 * answered here, in a bare node:http handler ahead of Express: a hit costs a shared version read and a
 * map lookup, and is written from the entry's precompressed bytes. The answer carries exactly the headers
 * the Express path gives the same page (edge headers, the render's security headers, ETag, Cache-Control,
 * Vary as the compression middleware sets it, the same encoding negotiation: e2e/page-cache-headers.spec.ts).
 * Anything else (a miss, a signed-in request, another page or method, an encoding the entry does not keep)
 * goes to Express as before; the cache itself decides what it keeps.
 */
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?[\w.-]*session_token=/;
// The negotiator the compression middleware uses, so both paths pick the same encoding.
const Negotiator = createRequire(createRequire(import.meta.url).resolve("compression"))("negotiator");
const SUPPORTED_ENCODING = ["br", "gzip", "deflate", "identity"];
const PREFERRED_ENCODING = ["br", "gzip"];
const COMPRESSION_THRESHOLD = 1024; // the compression middleware's default

/** The encoding compression() would choose for this 200 answer, or null when the entry does not keep it. */
function encodingOf(req, length) {
  if (length < COMPRESSION_THRESHOLD || !req.headers["accept-encoding"]) return "identity";
  const method = new Negotiator(req).encoding(SUPPORTED_ENCODING, PREFERRED_ENCODING);
  if (!method || method === "identity") return "identity";
  return method === "br" || method === "gzip" ? method : null;
}

async function answerFromPageCache(req, res) {
  if (req.method !== "GET" || SESSION_COOKIE.test(req.headers.cookie ?? "")) return false;
  const hit = await build.entry.module.publicPageHitFor({
    method: req.method,
    pathAndQuery: req.url,
    cookie: req.headers.cookie,
    ifNoneMatch: req.headers["if-none-match"],
  });
  if (!hit) return false;
  const encoding = hit.status === 200 ? encodingOf(req, hit.bytes.identity.length) : "identity";
  if (encoding === null) return false;
  res.statusCode = hit.status;
  for (const [key, value] of Object.entries(EDGE_HEADERS)) res.setHeader(key, value);
  for (const [key, value] of hit.headers) res.setHeader(key, value);
  if (hit.status === 304) {
    res.end();
    return true;
  }
  // compression() adds Accept-Encoding to Vary on every compressible (text/html) answer, compressed or not.
  res.setHeader("Vary", "Cookie, Accept-Encoding");
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  const body = hit.bytes[encoding];
  res.setHeader("Content-Length", body.length);
  res.end(body);
  return true;
}

const server = createHttpServer((req, res) => {
  answerFromPageCache(req, res).then(
    (answered) => {
      if (!answered) app(req, res);
    },
    () => {
      if (!res.headersSent) app(req, res);
    },
  );
});
server.listen(port, host, () => {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
  process.stdout.write(`JIP Platform is running at ${url}/\n`);
});
server.on("error", (err) => fail(err.message));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
