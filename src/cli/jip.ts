/**
 * Entry point of the `jip` command. Each sub-command lives in its own module
 * under ./commands/ and exports `run(argv): Promise<number>` (the exit code)
 * and a one-line `summary`.
 */
const commands: Record<string, () => Promise<{ run(argv: string[]): Promise<number>; summary: string }>> = {
  migrate: () => import("./commands/migrate.ts"),
  seed: () => import("./commands/seed.ts"),
  "create-operator": () => import("./commands/create-operator.ts"),
  match: () => import("./commands/match.ts"),
  audit: () => import("./commands/audit.ts"),
  "import-published": () => import("./commands/import-published.ts"),
  import: () => import("./commands/import.ts"),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write("usage: jip <command> [options]\n\ncommands:\n");
    for (const [cmd, load] of Object.entries(commands)) {
      const mod = await load();
      process.stdout.write(`  ${cmd.padEnd(18)}${mod.summary}\n`);
    }
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`jip: unknown command "${name}" (try: jip help)\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`jip: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
