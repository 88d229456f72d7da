// Lint: ESLint's and typescript-eslint's recommended rules, plus the house
// rules that keep layers apart (ARCHITECTURE.md).
import { builtinModules } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", ".react-router/", "node_modules/", ".node/", "test-results/", "data/", "bench/out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", URLSearchParams: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["public/**/*.js"],
    languageOptions: {
      globals: {
        window: "readonly",
        document: "readonly",
        Intl: "readonly",
        fetch: "readonly",
        FormData: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
  },
  {
    // Domain code is pure: no I/O, no database, no framework, no clock or randomness of its own.
    // It imports only other domain modules (relative paths inside src/domain), at any depth.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({ name, message: "src/domain is pure: no I/O (Node built-ins)." })),
          patterns: [
            {
              regex: "^(?![.]{1,2}/)",
              message: "src/domain imports only other domain modules (relative paths): no packages, no node:*, no #src/#app aliases.",
            },
            {
              regex: "^([.][.]/)+(db|services|storage|jobs|auth|cli|i18n|config[.]ts|service-context[.]ts|app|[.][.])(/|$)",
              message: "src/domain imports only other domain modules: nothing outside src/domain.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["fetch", "process", "crypto", "require", "setTimeout", "setInterval", "performance"].map((name) => ({
          name,
          message: "src/domain is pure: I/O, time and randomness come from the caller.",
        })),
      ],
    },
  },
  {
    // Routes call use cases; they never query the database themselves: no database module, and no
    // reaching for the runtime's database handle (rt.db) either.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            // A regex, not a glob: in gitignore-style globs a leading "#" starts a comment, so "#src/db/*" matched nothing.
            {
              regex: "^(kysely|pg|@electric-sql/.*)(/|$)|(^#src/|/src/)db/(?!reference/[^/]+[.]json$)",
              message: "Routes call use cases (src/services); they never import the database (reference data files excepted).",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name=/^(db|database)$/]", message: "Routes reach the database only through use cases (src/services)." },
        { selector: "ObjectPattern > Property[key.name=/^(db|database)$/]", message: "Routes reach the database only through use cases (src/services)." },
      ],
    },
  },
);
