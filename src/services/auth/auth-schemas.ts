/** Input schemas for the account forms (sign-up, sign-in, reset, staff invitation). */
import { z } from "zod";
import { email, requiredText } from "../fields.ts";

export const password = z.string().min(10, { error: "errors.passwordTooShort" }).max(128, { error: "errors.tooLong" });
export const personName = requiredText(200);

export const signUpSchema = z
  .object({ name: personName, email, password, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" });

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
