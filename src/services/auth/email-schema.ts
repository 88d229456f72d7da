/**
 * The e-mail address field, on its own: page modules import schemas' constants
 * (host-schemas.ts), so this must not pull in the password-strength
 * dictionaries (auth-schemas.ts) — they would land in the browser bundle.
 */
import { z } from "zod";

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "errors.required" })
  .max(254)
  .pipe(z.email({ error: "errors.email" }));
