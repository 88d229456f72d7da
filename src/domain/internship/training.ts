/**
 * Host training (issue 16 item 2, ADR 0038): the e-learning modules a host
 * member takes, each a content page ending with a short check, and what a
 * supervisor still lacks before the placement starts. The modules' words are
 * the catalogue's (`hostTraining.modules.<code>`, ja and en); here are only
 * their codes, how many paragraphs they have, their questions and the right
 * answers. Pure: no I/O.
 */
import { stripControlChars } from "../text-hygiene.ts";

export const TRAINING_MODULE_CODES = ["program", "supervision", "safety"] as const;
export type TrainingModuleCode = (typeof TRAINING_MODULE_CODES)[number];

export const TRAINING_SESSION_KINDS = ["kick_off", "follow_up"] as const;
export type TrainingSessionKind = (typeof TRAINING_SESSION_KINDS)[number];

export interface TrainingQuestion {
  /** the form field and the catalogue key: q1, q2, … */
  id: string;
  options: readonly string[];
  correct: string;
}

export interface TrainingModule {
  code: TrainingModuleCode;
  /** paragraphs p1…pN of the content page */
  paragraphs: number;
  questions: readonly TrainingQuestion[];
}

export const TRAINING_MODULES: readonly TrainingModule[] = [
  {
    code: "program",
    paragraphs: 3,
    questions: [
      { id: "q1", options: ["a", "b", "c"], correct: "b" },
      { id: "q2", options: ["a", "b", "c"], correct: "a" },
      { id: "q3", options: ["a", "b", "c"], correct: "c" },
    ],
  },
  {
    code: "supervision",
    paragraphs: 3,
    questions: [
      { id: "q1", options: ["a", "b", "c"], correct: "c" },
      { id: "q2", options: ["a", "b", "c"], correct: "a" },
    ],
  },
  {
    code: "safety",
    paragraphs: 3,
    questions: [
      { id: "q1", options: ["a", "b", "c"], correct: "a" },
      { id: "q2", options: ["a", "b", "c"], correct: "b" },
      { id: "q3", options: ["a", "b", "c"], correct: "b" },
    ],
  },
];

export function trainingModule(code: string): TrainingModule | null {
  return TRAINING_MODULES.find((m) => m.code === code) ?? null;
}

export interface CheckResult {
  passed: boolean;
  /** questions answered wrongly */
  wrong: string[];
  /** questions not answered (or answered with an option that does not exist) */
  unanswered: string[];
}

/** Grades a module's check: passed only when every question has its right answer. */
export function gradeCheck(module: TrainingModule, answers: Record<string, unknown>): CheckResult {
  const wrong: string[] = [];
  const unanswered: string[] = [];
  for (const q of module.questions) {
    const a = answers[q.id];
    if (typeof a !== "string" || !q.options.includes(a)) unanswered.push(q.id);
    else if (a !== q.correct) wrong.push(q.id);
  }
  return { passed: wrong.length === 0 && unanswered.length === 0, wrong, unanswered };
}

export interface TrainingStatus {
  complete: boolean;
  /** modules not passed yet, in the modules' order */
  missingModules: TrainingModuleCode[];
  /** no kick-off session of the round attended */
  kickOffMissing: boolean;
}

/**
 * A host member's training for a round: every module passed and a kick-off
 * session of the round attended (follow-up sessions are recorded, never
 * required).
 */
export function trainingStatus(passed: readonly string[], attendedKickOff: boolean): TrainingStatus {
  const missingModules = TRAINING_MODULE_CODES.filter((c) => !passed.includes(c));
  return { complete: missingModules.length === 0 && attendedKickOff, missingModules, kickOffMissing: !attendedKickOff };
}

export type SupervisorIssue = { code: "no_supervisor" } | { code: "modules_missing"; modules: TrainingModuleCode[] } | { code: "kick_off_missing" };

/** What keeps a placement's supervisor from being ready (empty when ready). */
export function supervisorIssues(supervisor: { passed: readonly string[]; attendedKickOff: boolean } | null): SupervisorIssue[] {
  if (!supervisor) return [{ code: "no_supervisor" }];
  const s = trainingStatus(supervisor.passed, supervisor.attendedKickOff);
  const issues: SupervisorIssue[] = [];
  if (s.missingModules.length > 0) issues.push({ code: "modules_missing", modules: s.missingModules });
  if (s.kickOffMissing) issues.push({ code: "kick_off_missing" });
  return issues;
}

/**
 * Whether a placement is held back by the round's setting: the setting is on,
 * the supervisor is not ready. `started` says whether its first day has come
 * (today in Japan on or after it), which the pages show as "started without a
 * trained supervisor" rather than "may not start".
 */
export function trainingBlock(setting: boolean, issues: readonly SupervisorIssue[], startsOn: string, today: string): "none" | "blocked" | "started_untrained" {
  if (!setting || issues.length === 0) return "none";
  return today >= startsOn ? "started_untrained" : "blocked";
}

/** Recognizes final presentation slides by content: PDF, or PPTX (a ZIP holding a ppt/ part). */
export const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
export type SlidesContentType = "application/pdf" | typeof PPTX_TYPE;
export const MAX_SLIDES_BYTES = 10 * 1024 * 1024;
export const SLIDES_EXTENSION: Record<SlidesContentType, string> = { "application/pdf": "pdf", [PPTX_TYPE]: "pptx" };

export function sniffSlidesType(bytes: Uint8Array): SlidesContentType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (!starts([0x50, 0x4b, 0x03, 0x04])) return null;
  // a PowerPoint file names its parts ppt/… in the ZIP's local headers
  const marker = [0x70, 0x70, 0x74, 0x2f]; // "ppt/"
  for (let i = 0; i + marker.length <= bytes.length; i++) {
    if (marker.every((b, j) => bytes[i + j] === b)) return PPTX_TYPE;
  }
  return null;
}

/** The name slides are downloaded under: the uploaded name's base, the detected type's extension. */
export function slidesFileName(originalName: string, contentType: SlidesContentType): string {
  const base = stripControlChars(originalName, { lines: false })
    .replace(/^.*[/\\]/, "")
    .replace(/\.[^.]*$/, "")
    .trim();
  return `${base || "slides"}.${SLIDES_EXTENSION[contentType]}`;
}
