/** Case studies (issue 18): content and its rules, workflow, search tokens, revision diffs, filter facts. ADR 0024. */
export * from "./content.ts";
export * from "./workflow.ts";
export * from "./search.ts";
export * from "./diff.ts";
export * from "./facts.ts";
