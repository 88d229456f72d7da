/**
 * The house rules the linter enforces (eslint.config.js), checked on small
 * probe sources: the domain stays pure at any depth, and routes cannot reach
 * the database, not even through the runtime's handle.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("src/domain is pure", () => {
  const banned = [
    'import { readFileSync } from "fs";',
    'import { randomUUID } from "crypto";',
    'import { createHash } from "node:crypto";',
    'import { readFile } from "fs/promises";',
    'import path from "path";',
    'import { sql } from "kysely";',
    'import { z } from "zod";',
    'import type { Database } from "../db/schema.ts";',
    'import { writeAudit } from "../services/audit/write-audit.ts";',
    'import { translator } from "#src/i18n/translator.ts";',
  ];
  for (const line of banned) {
    it(`refuses ${line}`, async () => {
      expect(await ruleIds(`${line}\nexport const x = 1;\n`, "src/domain/probe.ts")).toContain("no-restricted-imports");
    });
  }

  it("refuses the same in a nested folder, however many levels up the import climbs", async () => {
    expect(await ruleIds('import { readFileSync } from "fs";\nexport const x = readFileSync;\n', "src/domain/matching/probe.ts")).toContain(
      "no-restricted-imports",
    );
    expect(await ruleIds('import type { Database } from "../../db/schema.ts";\nexport type X = Database;\n', "src/domain/matching/probe.ts")).toContain(
      "no-restricted-imports",
    );
    expect(await ruleIds('import { x } from "../../../app/lib/i18n.tsx";\nexport const y = x;\n', "src/domain/matching/probe.ts")).toContain(
      "no-restricted-imports",
    );
  });

  it("refuses I/O and randomness through globals", async () => {
    expect(await ruleIds("export const id = () => crypto.randomUUID();\n", "src/domain/probe.ts")).toContain("no-restricted-globals");
    expect(await ruleIds("export const env = () => process.env.X;\n", "src/domain/probe.ts")).toContain("no-restricted-globals");
  });

  it("allows other domain modules", async () => {
    expect(await ruleIds('import { PHASES } from "../round-phases.ts";\nexport const p = PHASES;\n', "src/domain/matching/probe.ts")).toEqual([]);
    expect(await ruleIds('import { PHASES } from "./round-phases.ts";\nexport const p = PHASES;\n', "src/domain/probe.ts")).toEqual([]);
  });
});

describe("routes never touch the database", () => {
  it("refuses database modules", async () => {
    expect(await ruleIds('import { sql } from "kysely";\nexport const q = sql;\n', "app/routes/probe.tsx")).toContain("no-restricted-imports");
    expect(await ruleIds('import { connect } from "#src/db/connect.ts";\nexport const c = connect;\n', "app/routes/probe.tsx")).toContain(
      "no-restricted-imports",
    );
  });

  it("refuses the runtime's database handle", async () => {
    const viaContext = [
      'import { requestContext } from "../lib/request.server.ts";',
      "export async function loader({ request, params }: { request: Request; params: { lang?: string } }) {",
      "  const { rt } = await requestContext(request, params);",
      '  return rt.db.selectFrom("user").selectAll().execute();',
      "}",
    ].join("\n");
    expect(await ruleIds(viaContext, "app/routes/probe.tsx")).toContain("no-restricted-syntax");
    const destructured =
      'import { getRuntime } from "../lib/runtime.server.ts";\nexport async function loader() {\n  const { db } = await getRuntime();\n  return db;\n}\n';
    expect(await ruleIds(destructured, "app/routes/probe.tsx")).toContain("no-restricted-syntax");
  });
});
