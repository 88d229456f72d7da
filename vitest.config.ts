import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Vitest's default in run mode is one worker fewer than the cores: a single worker on this 2-core machine.
    // The tests are independent (each integration file creates its own databases), so use both.
    maxWorkers: 2,
    // One module graph per worker, not per file: every file still gets databases of its own, and importing the
    // application once per file was a third of the integration tests' CPU (310 CPU-s isolated, 202 not; unit
    // tests 32 and 22: docs/performance.md, ADR 0046). Module state must therefore not carry from file to file.
    isolate: false,
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
          // A limit only decides how long a real failure takes to report; on a busy 2-core machine
          // property tests and axe renders take several times their usual second.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Migrates one database of each kind for the whole run; each file's databases are copies of it.
          globalSetup: ["tests/integration/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
