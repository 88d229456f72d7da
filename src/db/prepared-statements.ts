/**
 * PostgreSQL plans every statement it is sent unless the statement is prepared; the deadline-rush
 * benchmark spent about as much of the server's time planning the submission's statements as running
 * them (issue #20 item 2, ADR 0049). Each pooled connection therefore prepares, under a name derived
 * from its text, every statement this process has already sent once before, so that from its second
 * use on a connection PostgreSQL skips parsing, and (after its own five custom plans, when it judges a
 * generic plan as good) planning. Bounded: at most MAX_NAMED texts get a name, so a connection holds
 * at most that many prepared statements; statements outside the bound run as before.
 */
import { createHash } from "node:crypto";

const MAX_NAMED = 400;
/** The text of each statement seen once (false), given a name (the name), or never to be prepared again (null). */
const seen = new Map<string, string | false | null>();
let named = 0;
/** Seen-once texts are forgotten past this many, so that one-off statements (an IN list of any length) cannot grow the map. */
const MAX_SEEN = 5_000;

/** The name to prepare `text` under, or undefined to send it unprepared. */
export function statementName(text: string): string | undefined {
  const known = seen.get(text);
  if (known) return known;
  if (known === null) return undefined;
  if (known === undefined) {
    if (seen.size >= MAX_SEEN) for (const [t, n] of seen) if (n === false) seen.delete(t);
    seen.set(text, false);
    return undefined;
  }
  if (named >= MAX_NAMED) return undefined;
  named++;
  const name = `jip_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
  seen.set(text, name);
  return name;
}

/** A statement whose prepared form went stale (its table's columns changed since): sent unprepared from now on. */
export function forgetStatement(text: string): void {
  if (seen.get(text)) seen.set(text, null);
}

interface QueryableClient {
  query: (...args: never[]) => unknown;
}

/** Makes `client` prepare the statements `statementName` names (pg's Pool 'connect' event hands each new client here). */
export function prepareRepeatedStatements(client: QueryableClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === "string" && Array.isArray(values) && callback === undefined) {
      const name = statementName(config);
      if (name) {
        const run = query({ name, text: config, values }) as Promise<unknown>;
        // A table's columns changed under a prepared `select *` (a migration while the process runs): this
        // statement fails once, and the text is sent unprepared from then on.
        run.catch((err: unknown) => {
          if ((err as { code?: string }).code === "0A000") forgetStatement(config);
        });
        return run;
      }
    }
    return query(config, values, callback);
  };
}
