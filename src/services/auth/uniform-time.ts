/**
 * Answers that must not tell whether an address has an account (sign-up,
 * forgot-password, session registration; issue 11 item 5) take the same
 * time either way: the work is made alike where it can be (a password is
 * hashed whether or not an account is created), and the answer is held back
 * until a floor that both paths stay under. bench/security/run.ts measures
 * the known and unknown paths side by side.
 */
export const UNIFORM_FLOOR_MS = { signUp: 700, forgotPassword: 400, sessionRegistration: 400 } as const;

export async function inUniformTime<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const wait = () => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, floorMs - (performance.now() - started))));
  try {
    const result = await work();
    await wait();
    return result;
  } catch (err) {
    await wait();
    throw err;
  }
}
