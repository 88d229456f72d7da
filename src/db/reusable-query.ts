/**
 * A query built and compiled once, then run again and again with a different value for one parameter.
 * Building a query with Kysely's builder and compiling it to SQL costs JavaScript time on every call;
 * for the application loaded by every submission at the deadline rush it was about a fifth of Node's
 * time per submission (issue #20 item 2, ADR 0049). The SQL text stays the same, so the databases
 * also keep it prepared (prepared-statements.ts).
 */
import { type Compilable, type CompiledQuery, type Kysely, createQueryId } from "kysely";
import type { Database } from "./schema.ts";

/** Stands for the parameter while the query is built: a NUL cannot reach the database (connect.ts refuses it), so it is never a real value. */
const PLACEHOLDER = "\u0000reusable-query-parameter\u0000";

/** `build(db, parameter)` builds the query with `parameter` where the value goes; the returned function runs it with a value. */
export function reusableQuery<R>(build: (db: Kysely<Database>, parameter: string) => Compilable<R>): (db: Kysely<Database>, value: string) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  return async (db, value) => {
    compiled ??= build(db, PLACEHOLDER).compile();
    if (!compiled.parameters.includes(PLACEHOLDER)) throw new Error("reusableQuery: the query does not use its parameter");
    const query: CompiledQuery<R> = { ...compiled, queryId: createQueryId(), parameters: compiled.parameters.map((p) => (p === PLACEHOLDER ? value : p)) };
    return (await db.executeQuery(query)).rows;
  };
}
