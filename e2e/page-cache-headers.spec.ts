/**
 * The page cache's fast path in server.js (issue #20 item 1, ADR 0042), over plain HTTP from Node: a
 * public page's first answer comes from Express and React Router (a miss: rendered, kept, compressed on
 * the fly, sent chunked), the second from the bare node:http handler (a hit: precompressed bytes, with a
 * Content-Length). Both must carry the same headers — security headers, ETag, Cache-Control, Vary,
 * Content-Encoding for the same Accept-Encoding — and the same page. A 304 from the fast path matches
 * the 304 the Express path gives. A signed-in request is never given the kept page.
 */
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function get(baseURL: string, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, baseURL), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const body = encoding === "gzip" ? gunzipSync(raw) : encoding === "br" ? brotliDecompressSync(raw) : raw;
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, body: body.toString("utf8") });
        });
      })
      .on("error", reject);
  });
}

/** What differs between two answers of the same page by design: the time, how the body is framed. */
function comparable(headers: Record<string, string>): Record<string, string> {
  const { date: _d, connection: _c, "keep-alive": _k, "content-length": _l, "transfer-encoding": _t, ...rest } = headers;
  return rest;
}

/**
 * Miss, hit, and the two 304s, for a page of its own (a query nobody else fetched). Other tests share the
 * server: a round or session they change in between gives the page a new version (a second miss, or a 200
 * with another ETag), so the sequence is tried again, up to five times; a fast path that never kept the page,
 * or an Express path that computed another ETag, fails every time and the assertions below see it.
 */
async function observe(baseURL: string, headers: Record<string, string>): Promise<{ miss: Answer; hit: Answer; fast304: Answer; express304: Answer }> {
  let seen: { miss: Answer; hit: Answer; fast304: Answer; express304: Answer };
  for (let attempt = 1; ; attempt++) {
    const path = `/en/apply?probe=${crypto.randomUUID()}`;
    const miss = await get(baseURL, path, headers);
    const hit = await get(baseURL, path, headers);
    const etag = hit.headers["etag"]!;
    const fast304 = await get(baseURL, path, { ...headers, "if-none-match": etag });
    // deflate is not kept precompressed: Express answers it
    const express304 = await get(baseURL, path, { "accept-encoding": "deflate", "if-none-match": etag });
    seen = { miss, hit, fast304, express304 };
    const moved = hit.headers["etag"] !== miss.headers["etag"] || [fast304, express304].some((a) => a.status === 200 && a.headers["etag"] !== etag);
    if (!moved || attempt === 5) return seen;
  }
}

for (const acceptEncoding of ["", "gzip", "br", "gzip, deflate, br"]) {
  test(`a cached page's hit carries the headers of its miss (Accept-Encoding: "${acceptEncoding}")`, async ({ baseURL }) => {
    const headers: Record<string, string> = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    const { miss, hit, fast304, express304 } = await observe(baseURL!, headers);
    expect(miss.status).toBe(200);
    expect(hit.status).toBe(200);
    // The miss was rendered and streamed (chunked); the hit came from the kept bytes (a length).
    expect(miss.headers["transfer-encoding"]).toBe("chunked");
    expect(hit.headers["content-length"]).toMatch(/^\d+$/);
    expect(comparable(hit.headers)).toEqual(comparable(miss.headers));
    expect(hit.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(hit.headers["x-content-type-options"]).toBe("nosniff");
    expect(hit.headers["cache-control"]).toBe("public, no-cache");
    expect(hit.headers["vary"]).toBe("Cookie, Accept-Encoding");
    expect(hit.headers["content-encoding"]).toBe(acceptEncoding === "" ? undefined : acceptEncoding === "gzip" ? "gzip" : "br");
    expect(hit.body).toBe(miss.body);

    // 304: from the fast path, and from the Express path.
    expect(fast304.status).toBe(304);
    expect(express304.status).toBe(304);
    expect(comparable(fast304.headers)).toEqual(comparable(express304.headers));
    expect(fast304.body).toBe("");
  });
}

test("a signed-in request is never answered from the cache", async ({ baseURL }) => {
  const path = `/en/apply?probe=${crypto.randomUUID()}`;
  const anonymous = await get(baseURL!, path, {});
  expect((await get(baseURL!, path, {})).headers["etag"]).toBe(anonymous.headers["etag"]);
  // A session cookie (even one the server does not know) goes to React Router, which never stores it.
  const signedIn = await get(baseURL!, path, { cookie: "better-auth.session_token=not-a-session.x" });
  expect(signedIn.headers["etag"]).toBeUndefined();
  expect(signedIn.headers["cache-control"]).not.toBe("public, no-cache");
});
