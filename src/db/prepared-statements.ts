/**
 * PostgreSQL plans every statement it is sent unless the statement is prepared; the deadline-rush
 * benchmark spent about as much of the server's time planning the submission's statements as running
 * them (issue #20 item 2, ADR 0049). Each pooled connection therefore prepares, under a name derived
 * from its text, every statement this process has already sent once before, so that from its second
 * use on a connection PostgreSQL skips parsing, and (after its own five custom plans, when it judges a
 * generic plan as good) planning. Bounded (StatementNames): a connection holds at most 500 prepared
 * statements; statements outside the bound run as before.
 */
import { createHash } from "node:crypto";

/**
 * Which statement texts get a name: a text from its second use, at most `maxNamed` texts (so a
 * connection holds at most that many prepared statements). Texts seen once are forgotten past
 * `maxSeen`, so that one-off statements (an IN list of any length) cannot grow the map.
 */
export class StatementNames {
  /** The text of each statement seen once (false), given a name (the name), or never to be prepared again (null). */
  private readonly seen = new Map<string, string | false | null>();
  private named = 0;
  private readonly maxNamed: number;
  private readonly maxSeen: number;
  constructor(maxNamed = 500, maxSeen = 5_000) {
    this.maxNamed = maxNamed;
    this.maxSeen = maxSeen;
  }

  /** The name to prepare `text` under, or undefined to send it unprepared. */
  nameOf(text: string): string | undefined {
    const known = this.seen.get(text);
    if (known) return known;
    if (known === null) return undefined;
    if (known === undefined) {
      if (this.seen.size >= this.maxSeen) for (const [t, n] of this.seen) if (n === false) this.seen.delete(t);
      this.seen.set(text, false);
      return undefined;
    }
    if (this.named >= this.maxNamed) return undefined;
    this.named++;
    const name = `jip_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    this.seen.set(text, name);
    return name;
  }

  /** A statement whose prepared form went stale (its table's columns changed since): sent unprepared from now on. */
  forget(text: string): void {
    if (this.seen.get(text)) this.seen.set(text, null);
  }
}

/** The process's statement names, shared by every database it opens (a name is the same for the same text). */
const names = new StatementNames();
export const statementName = (text: string): string | undefined => names.nameOf(text);
export const forgetStatement = (text: string): void => names.forget(text);

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
