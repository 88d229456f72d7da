/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as an authenticator app computes it. */
import { createHmac } from "node:crypto";

function base32Decode(input: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of input.replace(/=+$/, "").toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function totp(secretBase32: string, at: number = Date.now()): string {
  const counter = Math.floor(at / 30_000);
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac("sha1", base32Decode(secretBase32)).update(msg).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(code).padStart(6, "0");
}

/**
 * Fresh codes for one account, each handed out once: the server refuses a
 * code it has already accepted (issue 11 item 5) but accepts the code of the
 * current 30-second step and of its neighbours. The previous step's code is
 * handed out while at least 10 s of the current step are left (time enough
 * for the sign-in to reach the server); the current step's and the next
 * step's both stay accepted for at least another 30 s. Only a fourth sign-in
 * in one step waits for the next step.
 */
export function totpCodes(secret: () => string): () => Promise<string> {
  const used = new Set<number>();
  return async () => {
    for (;;) {
      const now = Date.now();
      const step = Math.floor(now / 30_000);
      const candidates = 30_000 - (now % 30_000) >= 10_000 ? [step - 1, step, step + 1] : [step, step + 1];
      const free = candidates.find((s) => !used.has(s));
      if (free !== undefined) {
        used.add(free);
        return totp(secret(), free * 30_000);
      }
      await new Promise((r) => setTimeout(r, 30_000 - (now % 30_000) + 200));
    }
  };
}
