/**
 * PGlite runs each query as six calls into its WebAssembly PostgreSQL (parse, describe the statement,
 * bind, describe the portal, execute, sync), parsing and planning the statement every time; planning
 * reads the size of every table and index the statement names, each read one more call out to Node's
 * file system. In the deadline-rush benchmark that was most of a submission's time (issue #20 item 2,
 * ADR 0049). Here a statement the process sends again is prepared once under a name (its parameter
 * types kept from PostgreSQL's description), and each later run is one call: bind, describe, execute
 * and sync in one message buffer. PostgreSQL then also keeps its plan (after five custom plans, when a
 * generic one is as good), as it does for the server's prepared statements (prepared-statements.ts
 * names the same statements there).
 *
 * The results are built as PGlite builds them (rows by field name through the instance's parsers,
 * affected rows from the command tags), errors are PGlite's own, and every run holds PGlite's locks as
 * its own queries do. Tied to PGlite 0.5.16 (pinned in package.json): it uses `_runExclusiveTransaction`,
 * the lock PGlite's `query` takes outside a transaction; tests/integration/pglite-prepared.test.ts runs
 * the platform's queries both ways.
 */
import type { PGlite, Results, Transaction } from "@electric-sql/pglite";
import { forgetStatement, statementName } from "./prepared-statements.ts";

type Serializer = (value: unknown) => string;
type Parser = (value: string, typeId: number) => unknown;

interface Prepared {
  /** parameter type OIDs, as PostgreSQL described the statement */
  readonly paramTypes: readonly number[];
}

interface BackendMessage {
  name: string;
  fields?: { name: string; dataTypeID: number }[] | (string | null)[];
  text?: string;
  dataTypeIDs?: number[];
}

const encoder = new TextEncoder();

/** Frontend protocol messages, appended to one buffer. */
class MessageBuffer {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  private length = 0;
  private start = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }
  begin(type: string): this {
    this.room(5);
    this.bytes[this.length] = type.charCodeAt(0);
    this.start = this.length + 1;
    this.length += 5; // the length is written by end()
    return this;
  }
  end(): this {
    this.view.setInt32(this.start, this.length - this.start);
    return this;
  }
  int16(n: number): this {
    this.room(2);
    this.view.setInt16(this.length, n);
    this.length += 2;
    return this;
  }
  int32(n: number): this {
    this.room(4);
    this.view.setInt32(this.length, n);
    this.length += 4;
    return this;
  }
  raw(b: Uint8Array): this {
    this.room(b.length);
    this.bytes.set(b, this.length);
    this.length += b.length;
    return this;
  }
  cstring(s: string): this {
    this.raw(encoder.encode(s));
    this.room(1);
    this.bytes[this.length++] = 0;
    return this;
  }
  byte(c: string): this {
    this.room(1);
    this.bytes[this.length++] = c.charCodeAt(0);
    return this;
  }
  done(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

interface PGliteInternals {
  serializers: Record<number, Serializer>;
  parsers: Record<number, Parser>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** The command tags whose row count PGlite adds to `affectedRows`. */
const COUNTED_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"]);

/** Results as PGlite's own query builds them (rowMode "object"): the first statement's rows and fields, the affected rows. */
function toResults(messages: BackendMessage[], parsers: Record<number, Parser>): Results<Record<string, unknown>> {
  let fields: { name: string; dataTypeID: number }[] = [];
  const rows: Record<string, unknown>[] = [];
  let affectedRows = 0;
  for (const m of messages) {
    if (m.name === "rowDescription") fields = (m.fields as { name: string; dataTypeID: number }[]).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
    else if (m.name === "dataRow") {
      const values = m.fields as (string | null)[];
      const row: Record<string, unknown> = {};
      for (let i = 0; i < values.length; i++) {
        const field = fields[i]!;
        const value = values[i]!;
        const parse = parsers[field.dataTypeID];
        row[field.name] = value === null ? null : parse ? parse(value, field.dataTypeID) : value;
      }
      rows.push(row);
    } else if (m.name === "commandComplete") {
      const words = m.text!.split(" ");
      const count = Number.parseInt(words[words.length - 1]!, 10);
      if (COUNTED_COMMANDS.has(words[0]!)) affectedRows += count;
      return { rows, fields, affectedRows };
    }
  }
  return { rows, fields, affectedRows };
}

/** A query function with PGlite's `query` signature (rowMode "object") that prepares repeated statements. */
export function preparingQuery(
  pglite: PGlite,
): (target: PGlite | Transaction, text: string, params: readonly unknown[]) => Promise<Results<Record<string, unknown>>> {
  const internals = pglite as unknown as PGliteInternals;
  const prepared = new Map<string, Prepared>();

  const run = async (text: string, name: string, params: readonly unknown[]): Promise<Results<Record<string, unknown>>> => {
    let statement = prepared.get(name);
    if (!statement) {
      const parse = new MessageBuffer().begin("P").cstring(name).cstring(text).int16(0).end();
      parse.begin("D").byte("S").cstring(name).end().begin("S").end();
      const { messages } = await pglite.execProtocol(parse.done(), { syncToFs: false });
      const description = (messages as BackendMessage[]).find((m) => m.name === "parameterDescription");
      statement = { paramTypes: description?.dataTypeIDs ?? [] };
      prepared.set(name, statement);
    }
    const out = new MessageBuffer().begin("B").cstring("").cstring(name).int16(0).int16(params.length);
    for (let i = 0; i < params.length; i++) {
      const value = params[i];
      if (value === null || value === undefined) {
        out.int32(-1);
        continue;
      }
      const serialize = internals.serializers[statement.paramTypes[i]!];
      const bytes = encoder.encode(serialize ? serialize(value) : String(value));
      out.int32(bytes.length).raw(bytes);
    }
    out.int16(0).end();
    out.begin("D").byte("P").cstring("").end();
    out.begin("E").cstring("").int32(0).end();
    out.begin("S").end();
    try {
      const { messages } = await pglite.execProtocol(out.done(), { syncToFs: false });
      return toResults(messages as BackendMessage[], internals.parsers);
    } catch (err) {
      // A table's columns changed under the prepared statement (a migration while the process runs).
      if ((err as { code?: string }).code === "0A000") {
        forgetStatement(text);
        prepared.delete(name);
      }
      throw err;
    }
  };

  return async (target, text, params) => {
    const name = statementName(text);
    if (!name || params.some((p) => p instanceof Blob)) return target.query(text, params as unknown[], { rowMode: "object" });
    if (target !== pglite) return pglite.runExclusive(() => run(text, name, params));
    // Outside a transaction PGlite's query also holds its transaction lock, then syncs the file system.
    return internals._runExclusiveTransaction(async () => {
      const result = await pglite.runExclusive(() => run(text, name, params));
      await pglite.syncToFs();
      return result;
    });
  };
}

/** The options Kysely's dialect passes, and the only ones the prepared path handles: rows as objects, nothing else. */
const objectRowsOnly = (options: { rowMode?: string } | undefined): boolean =>
  options !== undefined && Object.keys(options).length === 1 && options.rowMode === "object";

/**
 * The PGlite instance as Kysely's dialect sees it: its `query` and its transactions' `query` go
 * through `preparingQuery`; everything else is PGlite's own (bound to the instance, whose private
 * state a proxy could not reach).
 */
export function withPreparedStatements(pglite: PGlite): PGlite {
  const query = preparingQuery(pglite);
  const wrapTransaction = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "query")
          return async (text: string, params?: unknown[], options?: { rowMode?: string }) => {
            if (!objectRowsOnly(options)) return tx.query(text, params, options as never);
            if (tx.closed) throw new Error("Transaction is closed"); // as PGlite's own query says
            return query(tx, text, params ?? []);
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === "query")
        return (text: string, params?: unknown[], options?: { rowMode?: string }) =>
          objectRowsOnly(options) ? query(pglite, text, params ?? []) : pglite.query(text, params, options as never);
      if (prop === "transaction") return <T>(fn: (tx: Transaction) => Promise<T>) => pglite.transaction((tx) => fn(wrapTransaction(tx)));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
