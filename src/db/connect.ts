/**
 * Opens the database: PGlite (embedded PostgreSQL, default, in ./data/pglite)
 * or a real PostgreSQL server when DATABASE_URL is set. Both speak the same
 * SQL; the same migrations and queries run on both (ADR 0002).
 */
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
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
}

/**
 * Both drivers return the same JavaScript values: date → "YYYY-MM-DD" string
 * (a calendar date has no time zone), int8 and numeric → string (exact).
 */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const asText = (value: string) => value;

export class DatabaseUnavailableError extends Error {}

export async function connect(options: ConnectOptions = {}): Promise<Db> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl);
  return connectPGlite(options.dataDir ?? "./data/pglite");
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
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, kind: "postgres", close: () => kysely.destroy() };
}

async function connectPGlite(dataDir: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
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
      parsers: { [OID.int8]: asText, [OID.numeric]: asText, [OID.date]: asText },
    });
  } catch (err) {
    throw new DatabaseUnavailableError(`cannot open the embedded database in ${dataDir}: ${(err as Error).message}`);
  }
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { kysely, kind: "pglite", close: () => kysely.destroy() };
}
