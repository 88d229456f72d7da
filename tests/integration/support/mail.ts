/**
 * The text of a queued e-mail as the recipient gets it. body_text is the copy
 * staff may see, with secret links hidden (issue 11 item 1); the text as sent
 * is sealed in secret_body until the e-mail is sent, and after that only the
 * development outbox file has it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TestEnv } from "./databases.ts";

export interface QueuedMailRow {
  body_text: string;
  secret_body: string | null;
  file_name: string | null;
}

function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i]!;
    if (c === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function splitPart(part: string): { headers: string; body: string } {
  const at = part.indexOf("\n\n");
  return at < 0 ? { headers: part, body: "" } : { headers: part.slice(0, at).replace(/\n[ \t]+/g, " "), body: part.slice(at + 2) };
}

function decodeBody({ headers, body }: { headers: string; body: string }): string {
  if (/^Content-Transfer-Encoding: quoted-printable/im.test(headers)) return decodeQuotedPrintable(body);
  if (/^Content-Transfer-Encoding: base64/im.test(headers)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** The plain-text part of a message as written by nodemailer (the .eml file, or what an SMTP server received). */
export function emlText(raw: string): string {
  const top = splitPart(raw.replace(/\r\n/g, "\n"));
  const boundary = /^Content-Type: multipart\/[^\n]*boundary="?([^";\n]+)"?/im.exec(top.headers)?.[1];
  if (!boundary) return decodeBody(top);
  for (const part of top.body.split(`--${boundary}`)) {
    const p = splitPart(part.replace(/^\n/, ""));
    if (/^Content-Type: text\/plain/im.test(p.headers)) return decodeBody(p);
  }
  return "";
}

export function sentText(env: TestEnv, mail: QueuedMailRow): string {
  if (mail.secret_body !== null) return env.ctx.mailSecrets.open(mail.secret_body);
  if (mail.file_name) return emlText(readFileSync(path.join(env.outboxDir, mail.file_name), "utf8"));
  return mail.body_text;
}
