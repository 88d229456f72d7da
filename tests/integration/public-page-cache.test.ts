/**
 * The page cache of anonymous public pages (issue #20 item 1, ADR 0032), on PGlite and PostgreSQL:
 * a render is reused while the data it shows is unchanged (versions bumped by the database's own
 * triggers), answered with an ETag (If-None-Match → 304) and Cache-Control; a change to that data,
 * another language or time zone renders anew; signed-in requests are never served from it.
 */
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { CACHE_CONTROL, TIME_BUCKET_MS, cachedPublicPage, clearPageCache, pageCacheStats, publicPageHit } from "#app/lib/page-cache.server.ts";
import { DATABASE_KINDS, insertRecruitingRound, useTestDatabase } from "./support/databases.ts";

const ORIGIN = "http://localhost:4000";

describe.each(DATABASE_KINDS)("%s", (kind) => {
  const env = useTestDatabase(kind);
  let renders = 0;

  beforeEach(() => {
    clearPageCache();
    env.clock.reset();
    renders = 0;
  });

  /** What React Router would answer: a page whose text changes with every render, so a reused render shows. */
  function render(init: { status?: number; setCookie?: string; type?: string } = {}) {
    return async () => {
      renders++;
      const headers = new Headers({ "Content-Type": init.type ?? "text/html; charset=utf-8" });
      if (init.setCookie) headers.append("Set-Cookie", init.setCookie);
      return new Response(`<!DOCTYPE html><p>render ${renders}</p>`, { status: init.status ?? 200, headers });
    };
  }

  function get(path: string, headers: Record<string, string> = {}) {
    return new Request(`${ORIGIN}${path}`, { headers });
  }

  it("serves an anonymous page from the cache with an ETag and Cache-Control, and 304 when the browser has it", async () => {
    const first = await cachedPublicPage(env.ctx, get("/en/apply"), render());
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("Cache-Control")).toBe(CACHE_CONTROL);
    expect(first.headers.get("Vary")).toBe("Cookie");
    expect(await first.text()).toBe("<!DOCTYPE html><p>render 1</p>");

    const second = await cachedPublicPage(env.ctx, get("/en/apply"), render());
    expect(await second.text()).toBe("<!DOCTYPE html><p>render 1</p>");
    expect(second.headers.get("ETag")).toBe(etag);
    expect(renders).toBe(1);

    const revalidated = await cachedPublicPage(env.ctx, get("/en/apply", { "If-None-Match": etag! }), render());
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("ETag")).toBe(etag);
    const stale = await cachedPublicPage(env.ctx, get("/en/apply", { "If-None-Match": '"something-else"' }), render());
    expect(stale.status).toBe(200);
    expect(renders).toBe(1);
  });

  it("renders anew when a round changes (the program page), but not for a change the page does not show", async () => {
    await cachedPublicPage(env.ctx, get("/vi/apply"), render());
    await cachedPublicPage(env.ctx, get("/vi/sessions"), render());
    const roundId = await insertRecruitingRound(env, new Date("2027-01-31T08:00:00Z"));
    const after = await cachedPublicPage(env.ctx, get("/vi/apply"), render());
    expect(await after.text()).toBe("<!DOCTYPE html><p>render 3</p>");
    // The calendar shows sessions, not rounds: still the first render.
    expect(await (await cachedPublicPage(env.ctx, get("/vi/sessions"), render())).text()).toBe("<!DOCTYPE html><p>render 2</p>");
    // A later change to the same round (a deadline moved) is seen too.
    await env.db.updateTable("rounds").set({ name_en: "Renamed round" }).where("id", "=", roundId).execute();
    expect(await (await cachedPublicPage(env.ctx, get("/vi/apply"), render())).text()).toBe("<!DOCTYPE html><p>render 4</p>");
    // A statement that changes no row (as the reminder job's periodic update mostly does) bumps nothing.
    await env.db.updateTable("rounds").set({ name_en: "Nobody" }).where("id", "=", crypto.randomUUID()).execute();
    expect(await (await cachedPublicPage(env.ctx, get("/vi/apply"), render())).text()).toBe("<!DOCTYPE html><p>render 4</p>");
    // A change that rolls back leaves the version (and the cached page) as it was.
    await env.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable("rounds").set({ name_en: "Never committed" }).where("id", "=", roundId).execute();
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await (await cachedPublicPage(env.ctx, get("/vi/apply"), render())).text()).toBe("<!DOCTYPE html><p>render 4</p>");
  });

  it("keeps one entry per language, time zone and query, and none outlives its minute", async () => {
    await cachedPublicPage(env.ctx, get("/en/cases"), render());
    await cachedPublicPage(env.ctx, get("/ja/cases"), render());
    await cachedPublicPage(env.ctx, get("/en/cases?theme=marketing"), render());
    await cachedPublicPage(env.ctx, get("/en/cases", { Cookie: "tz=Asia%2FHo_Chi_Minh" }), render());
    expect(renders).toBe(4);
    await cachedPublicPage(env.ctx, get("/en/cases", { Cookie: "tz=Asia%2FHo_Chi_Minh" }), render());
    expect(renders).toBe(4);
    env.clock.set(new Date(env.clock.now().getTime() + TIME_BUCKET_MS));
    await cachedPublicPage(env.ctx, get("/en/cases"), render());
    expect(renders).toBe(5);
  });

  it("never serves or keeps a signed-in request's page", async () => {
    const signedIn = { Cookie: "better-auth.session_token=abc.def" };
    const a = await cachedPublicPage(env.ctx, get("/en/apply", signedIn), render());
    const b = await cachedPublicPage(env.ctx, get("/en/apply", signedIn), render());
    expect([await a.text(), await b.text()]).toEqual(["<!DOCTYPE html><p>render 1</p>", "<!DOCTYPE html><p>render 2</p>"]);
    expect(a.headers.get("ETag")).toBeNull();
    // …and an anonymous visitor does not get what the signed-in one saw.
    expect(await (await cachedPublicPage(env.ctx, get("/en/apply"), render())).text()).toBe("<!DOCTYPE html><p>render 3</p>");
    const secure = { Cookie: "__Secure-better-auth.session_token=abc.def" };
    expect(await (await cachedPublicPage(env.ctx, get("/en/apply", secure), render())).text()).toBe("<!DOCTYPE html><p>render 4</p>");
  });

  it("keeps only 200 HTML answers without cookies, of the listed pages, for GET", async () => {
    await cachedPublicPage(env.ctx, get("/en/cases/999"), render({ status: 404 }));
    await cachedPublicPage(env.ctx, get("/en/cases/999"), render({ status: 404 }));
    await cachedPublicPage(env.ctx, get("/en/privacy"), render({ setCookie: "x=1" }));
    await cachedPublicPage(env.ctx, get("/en/privacy"), render({ setCookie: "x=1" }));
    await cachedPublicPage(env.ctx, get("/en/open-statistics/data.json"), render({ type: "application/json" }));
    await cachedPublicPage(env.ctx, get("/en/open-statistics/data.json"), render({ type: "application/json" }));
    await cachedPublicPage(env.ctx, get("/en/account"), render());
    await cachedPublicPage(env.ctx, get("/en/account"), render());
    await cachedPublicPage(env.ctx, new Request(`${ORIGIN}/en/apply`, { method: "POST", body: "x=1" }), render());
    await cachedPublicPage(env.ctx, new Request(`${ORIGIN}/en/apply`, { method: "POST", body: "x=1" }), render());
    expect(renders).toBe(10);
  });

  describe("the bare node:http fast path (publicPageHit, server.js; ADR 0042)", () => {
    const hitOf = (pathAndQuery: string, init: { cookie?: string; ifNoneMatch?: string; method?: string } = {}) =>
      publicPageHit(env.ctx, { method: init.method ?? "GET", pathAndQuery, cookie: init.cookie, ifNoneMatch: init.ifNoneMatch });

    it("answers a kept page with the Express path's headers and precompressed bodies, and 304 for its ETag", async () => {
      expect(await hitOf("/en/apply")).toBeNull();
      const kept = await cachedPublicPage(env.ctx, get("/en/apply"), render());
      const body = await kept.text();
      const hit = (await hitOf("/en/apply"))!;
      expect(hit.status).toBe(200);
      // The same headers as the answer the React Router path gave.
      expect(Object.fromEntries(hit.headers)).toEqual(Object.fromEntries(kept.headers.entries()));
      expect(hit.bytes.identity.toString("utf8")).toBe(body);
      expect(gunzipSync(hit.bytes.gzip).toString("utf8")).toBe(body);
      expect(brotliDecompressSync(hit.bytes.br).toString("utf8")).toBe(body);
      const notModified = (await hitOf("/en/apply", { ifNoneMatch: kept.headers.get("ETag")! }))!;
      expect(notModified.status).toBe(304);
      expect(notModified.headers.some(([k]) => k === "content-type")).toBe(false);
      expect(renders).toBe(1);
      // The path as the Express path reads it (dot segments resolved); not a page, another method: no hit.
      expect((await hitOf("/en/x/../apply"))?.status).toBe(200);
      expect(await hitOf("//localhost/en/apply")).toBeNull();
      expect(await hitOf("/en/apply", { method: "HEAD" })).toBeNull();
      expect(await hitOf("/en/apply?other=1")).toBeNull();
    });

    it("never answers a signed-in request from the cache", async () => {
      await cachedPublicPage(env.ctx, get("/en/apply"), render());
      expect(await hitOf("/en/apply")).not.toBeNull();
      expect(await hitOf("/en/apply", { cookie: "better-auth.session_token=abc.def" })).toBeNull();
      expect(await hitOf("/en/apply", { cookie: "tz=Asia%2FTokyo; __Secure-better-auth.session_token=abc.def" })).toBeNull();
    });

    it("sees a change on the very next request, even when a version read was already under way", async () => {
      const roundId = await insertRecruitingRound(env, new Date("2027-01-31T08:00:00Z"));
      await cachedPublicPage(env.ctx, get("/vi/apply"), render());
      expect(await hitOf("/vi/apply")).not.toBeNull();
      // A read that started before the change must not answer a request that came after it.
      const before = hitOf("/vi/apply");
      await env.db
        .updateTable("rounds")
        .set({ name_en: `Renamed ${roundId}` })
        .where("id", "=", roundId)
        .execute();
      expect(await hitOf("/vi/apply")).toBeNull();
      await before;
      // Concurrent requests share one read.
      const reads = pageCacheStats().versionReads;
      await Promise.all(Array.from({ length: 20 }, () => hitOf("/vi/apply")));
      expect(pageCacheStats().versionReads - reads).toBeLessThanOrEqual(2);
    });

    /** Hits until one needs no version read (the listener is up and the last read is current); fails after 3 s. */
    async function untilHitsNeedNoRead(pathAndQuery: string) {
      for (let i = 0; i < 300; i++) {
        const reads = pageCacheStats().versionReads;
        await hitOf(pathAndQuery);
        if (pageCacheStats().versionReads === reads) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error("every hit still reads the versions");
    }

    /** Whether the kept page stops being answered within about two seconds. */
    async function untilNotKept(pathAndQuery: string): Promise<boolean> {
      for (let i = 0; i < 200; i++) {
        if ((await hitOf(pathAndQuery)) === null) return true;
        await new Promise((r) => setTimeout(r, 10));
      }
      return false;
    }

    it("answers hits from memory while nothing can have changed, and reads again after a write of its own (ADR 0044)", async () => {
      const roundId = await insertRecruitingRound(env, new Date("2027-03-31T08:00:00Z"));
      await cachedPublicPage(env.ctx, get("/id/apply"), render());
      await untilHitsNeedNoRead("/id/apply");
      const reads = pageCacheStats().versionReads;
      for (let i = 0; i < 50; i++) expect(await hitOf("/id/apply")).not.toBeNull();
      expect(pageCacheStats().versionReads).toBe(reads);
      // A write that changes nothing public (an e-mail queued, say) costs one read, and the page stays.
      await env.db.selectFrom("rounds").select("id").execute();
      expect(pageCacheStats().versionReads).toBe(reads);
      await env.db.updateTable("rounds").set({ name_en: "Unchanged" }).where("id", "=", "00000000-0000-0000-0000-000000000000").execute();
      expect(await hitOf("/id/apply")).not.toBeNull();
      expect(pageCacheStats().versionReads).toBe(reads + 1);
      // A change inside a transaction is seen by the first request after its commit, even when the versions
      // were read (and found unchanged) between the change and the commit. (PGlite has one connection: a read
      // waits for the transaction.)
      await untilHitsNeedNoRead("/id/apply");
      await env.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("rounds")
          .set({ name_en: `In a transaction ${roundId}` })
          .where("id", "=", roundId)
          .execute();
        if (kind === "postgres") await untilHitsNeedNoRead("/id/apply");
      });
      expect(await hitOf("/id/apply")).toBeNull();
    });

    it.runIf(kind === "postgres")("sees a change committed by another process once its notification arrives", async () => {
      const roundId = await insertRecruitingRound(env, new Date("2027-04-30T08:00:00Z"));
      await cachedPublicPage(env.ctx, get("/th/apply"), render());
      await untilHitsNeedNoRead("/th/apply");
      const other = new pg.Client({ connectionString: env.databaseUrl });
      await other.connect();
      try {
        await other.query("update rounds set name_en = $1 where id = $2", [`Changed elsewhere ${roundId}`, roundId]);
        expect(await untilNotKept("/th/apply")).toBe(true);
      } finally {
        await other.end();
      }
    });

    it.runIf(kind === "postgres")("reads on every request while its listener is down, and stops once it is back", async () => {
      const roundId = await insertRecruitingRound(env, new Date("2027-05-31T08:00:00Z"));
      await cachedPublicPage(env.ctx, get("/zh/apply"), render());
      await untilHitsNeedNoRead("/zh/apply");
      const other = new pg.Client({ connectionString: env.databaseUrl });
      await other.connect();
      try {
        const { rows } = await other.query(
          "select pg_terminate_backend(pid) as done from pg_stat_activity where datname = current_database() and application_name = 'jip-listen-jip_public_page_versions'",
        );
        expect(rows).toHaveLength(1);
        // Changed while nobody listens: no notification will ever say so.
        await other.query("update rounds set name_en = $1 where id = $2", [`Changed unheard ${roundId}`, roundId]);
        expect(await untilNotKept("/zh/apply")).toBe(true);
        await cachedPublicPage(env.ctx, get("/zh/apply"), render());
        await untilHitsNeedNoRead("/zh/apply");
      } finally {
        await other.end();
      }
    });
  });
});
