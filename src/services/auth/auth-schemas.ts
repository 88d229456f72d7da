/** Input schemas for the account forms (sign-up, sign-in, reset, staff invitation). */
import { z } from "zod";
import { email, requiredText } from "../fields.ts";
import { isStrongPassword } from "./password-strength.ts";

export { email };
/** A new password: 10 to 128 characters, and not weak or common (password-strength.ts). */
export const password = z
  .string()
  .min(10, { error: "errors.passwordTooShort" })
  .max(128, { error: "errors.tooLong" })
  .refine((p) => p.length < 10 || p.length > 128 || isStrongPassword(p), { error: "errors.passwordWeak" });

/** For a form that also asks who the person is: the password must not be guessable from their name or address. */
export function passwordNotAboutThem<T extends { password: string; name?: string; email?: string }>(v: T, ctx: z.core.$RefinementCtx<T>): void {
  const about = [v.name, v.email].filter((x): x is string => Boolean(x));
  // A password already refused on its own (too short, long or weak) is not reported twice.
  if (v.password.length < 10 || v.password.length > 128 || !isStrongPassword(v.password)) return;
  if (about.length > 0 && !isStrongPassword(v.password, about)) ctx.addIssue({ code: "custom", path: ["password"], message: "errors.passwordWeak" });
}
/** A person's name: one line, without control characters (issue 11 item 9). */
export const personName = requiredText(200, { lines: false });

export const signUpSchema = z
  .object({ name: personName, email, password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" })
  .superRefine(passwordNotAboutThem);

export const signInSchema = z.object({ email, password: z.string().min(1, { error: "errors.required" }).max(128) });

export const resetPasswordSchema = z
  .object({ token: z.string().min(1), password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" });

export const totpCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: "errors.totpFormat" }),
});
