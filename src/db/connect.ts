/**
 * Opens the database: PGlite (embedded PostgreSQL, default, in ./data/pglite)
 * or a real PostgreSQL server when DATABASE_URL is set. Both speak the same
 * SQL; the same migrations and queries run on both (ADR 0002).
 */
import { type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, Kysely, PGliteDialect, PostgresDialect } from "kysely";
import { BadInputError } from "../services/errors.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
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
    executeQuery(query) {
      checkParameters(query);
      return connection.executeQuery(query);
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
          return (...args: unknown[]) =>
            value.apply(
              target,
              args.map((a) => (a && typeof a === "object" && "executeQuery" in a ? inner(a as DatabaseConnection) : a)),
            );
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
  return { kysely, kind: "postgres", close: () => kysely.destroy() };
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
  const kysely = new Kysely<Database>({ dialect: guarded(new PGliteDialect({ pglite })) });
  return { kysely, kind: "pglite", close: () => kysely.destroy() };
}
