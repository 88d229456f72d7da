/**
 * Runs a job now (unless `now: false`) and then every `everyMs` in the server
 * process, never two runs at once; a failing run is logged and the next one tries again.
 * Returns a stop function. The timer does not keep the process alive.
 */
export function repeatJob(name: string, everyMs: number, run: () => Promise<unknown>, options: { now?: boolean } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (err) {
      console.error(`${name} failed`, err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  if (options.now !== false) void tick();
  return () => clearInterval(timer);
}
