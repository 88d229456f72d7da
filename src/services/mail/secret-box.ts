/**
 * Seals the text of e-mails that carry an authentication secret (a reset,
 * verification, invitation or cancel link) while they wait in the queue:
 * AES-256-GCM with a key derived (HKDF-SHA-256) from the server's auth secret,
 * so a database reader, a backup or an operator's page never holds a usable
 * link (issue 11 item 1; docs/security.md).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

export interface SecretBox {
  seal(plain: string): string;
  /** Throws when the text was not sealed by this key (tampered, or another server's secret). */
  open(sealed: string): string;
}

const VERSION = "v1";

export function createSecretBox(authSecret: string, purpose = "jip/mail-secret-body"): SecretBox {
  const key = Buffer.from(hkdfSync("sha256", authSecret, Buffer.alloc(0), purpose, 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed text");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}
