/**
 * Opens the database: PGlite (embedded PostgreSQL, default, in ./data/pglite)
 * or a real PostgreSQL server when DATABASE_URL is set. Both speak the same
 * SQL; the same migrations and queries run on both (ADR 0002).
 */
import { type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, Kysely, PGliteDialect, PostgresDialect } from "kysely";
import { BadInputError } from "../services/errors.ts";
import { withPreparedStatements } from "./pglite-prepared.ts";
import { prepareRepeatedStatements } from "./prepared-statements.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * Calls `notify` for each NOTIFY on `channel`, from any connection or process (issue #20, ADR 0044).
   * PostgreSQL listens on a connection of its own and reconnects when it is lost; `state(false)` says
   * notifications may have been missed (until `state(true)`). PGlite has one process, so it is always up.
   * Resolves to a function that stops listening; close() stops every listener too.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  notify(payload: string): void;
  state(listening: boolean): void;
}

/**
 * How many statements that may have changed data (anything but a SELECT), commits and rollbacks this
 * process has completed, on any database it opened. A value read from the database before the count last
 * moved may be out of date; one read while it stayed the same cannot be, as far as this process's own
 * writes go (the page cache's version snapshot relies on it: ADR 0044).
 */
let completedWrites = 0;
export function writeGeneration(): number {
  return completedWrites;
}
const READ_ONLY = /^\s*select\b/i;
function afterWrite<T>(run: Promise<T>): Promise<T> {
  return run.finally(() => {
    completedWrites++;
  });
}

export interface ConnectOptions {
  /** postgres://… ; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; "memory://" for an in-memory database. */
  dataDir?: string | undefined;
  /** PGlite only: start from this dump of a data folder (PGlite's dumpDataDir) instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
}

/**
 * Both drivers return the same JavaScript values: date → "YYYY-MM-DD" string
 * (a calendar date has no time zone), int8 and numeric → string (exact).
 */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const asText = (value: string) => value;

export class DatabaseUnavailableError extends Error {}

/** Why a query parameter cannot reach PostgreSQL (text cannot hold NUL; an Invalid Date has no value), or null. */
export function unstorable(value: unknown, depth = 0): BadInputError["reason"] | null {
  if (typeof value === "string") return value.includes("\0") ? "nul" : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "invalidDate" : null;
  if (depth > 8 || value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return null;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    const why = unstorable(v, depth + 1);
    if (why) return why;
  }
  return null;
}

function checkParameters(query: CompiledQuery): void {
  for (const p of query.parameters) {
    const why = unstorable(p);
    if (why) throw new BadInputError(why);
  }
}

/**
 * The one place every input meets the database: a parameter PostgreSQL cannot
 * take (a NUL character in text or JSON, an Invalid Date) is refused before the
 * query is sent, as bad input rather than a server error (issue 11 item 4).
 */
function guarded(dialect: Dialect): Dialect {
  const guardConnection = (connection: DatabaseConnection): DatabaseConnection => ({
    executeQuery<R>(query: CompiledQuery, options?: Parameters<DatabaseConnection["executeQuery"]>[1]) {
      checkParameters(query);
      const run = connection.executeQuery<R>(query, options);
      return READ_ONLY.test(query.sql) ? run : afterWrite(run);
    },
    streamQuery(query, chunkSize) {
      checkParameters(query);
      return connection.streamQuery(query, chunkSize);
    },
  });
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => {
      const driver = dialect.createDriver();
      // The driver hands out its own connections; callers get guarded ones and give them back.
      const toOuter = new WeakMap<DatabaseConnection, DatabaseConnection>();
      const toInner = new WeakMap<DatabaseConnection, DatabaseConnection>();
      const outer = (c: DatabaseConnection) => {
        let w = toOuter.get(c);
        if (!w) {
          w = guardConnection(c);
          toOuter.set(c, w);
          toInner.set(w, c);
        }
        return w;
      };
      const inner = (c: DatabaseConnection) => toInner.get(c) ?? c;
      return new Proxy(driver, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== "function") return value;
          if (prop === "acquireConnection") return async () => outer(await target.acquireConnection());
          const ends = prop === "commitTransaction" || prop === "rollbackTransaction";
          return (...args: unknown[]) => {
            const result: unknown = value.apply(
              target,
              args.map((a) => (a && typeof a === "object" && "executeQuery" in a ? inner(a as DatabaseConnection) : a)),
            );
            return ends ? afterWrite(Promise.resolve(result)) : result;
          };
        },
      }) as Driver;
    },
  };
}

export async function connect(options: ConnectOptions = {}): Promise<Db> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl);
  return connectPGlite(options.dataDir ?? "./data/pglite", options.loadDataDir);
}

async function connectPostgres(url: string): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUnavailableError("DATABASE_URL is not a valid URL (expected postgres://user@host:port/database)");
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseUnavailableError(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//)`);
  }
  const pg = await import("pg");
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === OID.int8 || oid === OID.numeric || oid === OID.date
        ? asText
        : pg.default.types.getTypeParser(oid, format)) as typeof pg.default.types.getTypeParser,
  };
  const pool = new pg.default.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, types });
  pool.on("connect", (client) => prepareRepeatedStatements(client));
  pool.on("error", () => {
    /* idle client errors are reported by the next query */
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${where}: ${(err as Error).message}`);
  }
  const kysely = new Kysely<Database>({ dialect: guarded(new PostgresDialect({ pool })) });
  const listeners = new Set<() => Promise<void>>();
  return {
    kysely,
    kind: "postgres",
    async listen(channel, handlers) {
      const stop = await listenOnOwnConnection(pg.default.Client, url, types, channel, handlers);
      const remove = async () => {
        listeners.delete(remove);
        await stop();
      };
      listeners.add(remove);
      return remove;
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await kysely.destroy();
    },
  };
}

const LISTEN_RETRY_MS = 1_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries), reconnecting after
 * a second when it drops. `state(true)` only once LISTEN has run, so nothing sent before is counted on.
 */
async function listenOnOwnConnection(
  Client: typeof import("pg").default.Client,
  url: string,
  types: unknown,
  channel: string,
  handlers: ListenHandlers,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let stopped = false;
  let client: InstanceType<typeof Client> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const lost = (c: InstanceType<typeof Client>) => {
    if (client !== c) return;
    client = null;
    handlers.state(false);
    c.end().catch(() => {});
    if (!stopped) retry = setTimeout(() => void open(), LISTEN_RETRY_MS);
  };
  const open = async () => {
    const c = new Client({ connectionString: url, application_name: `jip-listen-${channel}`, connectionTimeoutMillis: 5000, types: types as never });
    c.on("error", () => lost(c));
    c.on("end", () => lost(c));
    c.on("notification", (n) => {
      if (n.channel === channel) handlers.notify(n.payload ?? "");
    });
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (stopped) return void (await c.end().catch(() => {}));
      if (client === c) handlers.state(true);
    } catch {
      lost(c);
    }
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}

async function connectPGlite(dataDir: string, loadDataDir: Blob | undefined): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  // pg_trgm: the operator list's search indexes (migration 0034).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  if (dataDir !== "memory://") {
    const fs = await import("node:fs");
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.W_OK);
    } catch {
      throw new DatabaseUnavailableError(`data folder ${dataDir} is not writable`);
    }
  }
  let pglite: InstanceType<typeof PGlite>;
  try {
    pglite = await PGlite.create({
      ...(dataDir === "memory://" ? {} : { dataDir }),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { [OID.int8]: asText, [OID.numeric]: asText, [OID.date]: asText },
      extensions: { pg_trgm },
    });
  } catch (err) {
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
  const kysely = new Kysely<Database>({ dialect: guarded(new PGliteDialect({ pglite: withPreparedStatements(pglite) })) });
  return {
    kysely,
    kind: "pglite",
    async listen(channel, handlers) {
      // One process holds the data folder: every change is this process's own (writeGeneration), and
      // PGlite delivers its NOTIFYs here as well.
      const stop = await pglite.listen(channel, (payload) => handlers.notify(payload));
      handlers.state(true);
      return stop;
    },
    close: () => kysely.destroy(),
  };
}
