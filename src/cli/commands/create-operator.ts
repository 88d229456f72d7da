/** `jip create-operator EMAIL [--name NAME]`: creates an operator account and prints its one-time password. */
import { createOperator } from "../../services/staff/create-operator.ts";
import { ValidationError } from "../../services/errors.ts";
import { withRuntime } from "../with-runtime.ts";

export const summary = "create an operator account (prints a one-time password; 2FA enrolment at first sign-in)";

export async function run(argv: string[]): Promise<number> {
  const email = argv.find((a) => !a.startsWith("--"));
  const nameAt = argv.indexOf("--name");
  const name = nameAt >= 0 ? argv[nameAt + 1] : undefined;
  if (!email) {
    process.stderr.write("usage: jip create-operator EMAIL [--name NAME]\n");
    return 2;
  }
  return withRuntime(async (rt) => {
    try {
      const { password } = await createOperator(rt, { email, name });
      process.stdout.write(
        `operator ${email} created\none-time password: ${password}\nsign in at ${rt.publicUrl}/ja/sign-in and enrol two-factor authentication\n`,
      );
      return 0;
    } catch (err) {
      if (err instanceof ValidationError) {
        process.stderr.write(`jip: ${email}: not a valid e-mail address\n`);
        return 2;
      }
      if (err instanceof Error && err.message.includes("already exists")) {
        process.stderr.write(`jip: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
  });
}
