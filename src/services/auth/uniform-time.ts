/**
 * Answers that must not tell whether an address has an account (sign-up,
 * a failed sign-in, forgot-password, session registration; issue 11 item 5)
 * take the same time either way: the work is made alike where it can be (a
 * password is hashed whether or not an account is created or exists), and the
 * answer is held back until a floor that both paths stay under (scrypt takes
 * 0.25–0.5 s on a busy 2-core machine). bench/security/run.ts measures
 * the known and unknown paths side by side.
 */
export const UNIFORM_FLOOR_MS = { signUp: 1500, signInFailure: 1000, forgotPassword: 400, sessionRegistration: 400, hostInvitation: 300 } as const;

/** Resolves at `deadline` (a performance.now() instant), at once if it has passed. */
export function waitUntil(deadline: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - performance.now())));
}

export async function inUniformTime<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + floorMs;
  try {
    const result = await work();
    await waitUntil(deadline);
    return result;
  } catch (err) {
    await waitUntil(deadline);
    throw err;
  }
}
