/**
 * Weak and common passwords are refused (ASVS 2.1.7; issue 11 item 5):
 * zxcvbn-ts with its common-password and English dictionaries (the lists of
 * passwords seen in breaches, common names and words, keyboard patterns),
 * plus what the person typed about themselves (name, e-mail address). A
 * password must need an estimated 10^8 guesses or more (zxcvbn score 3),
 * which no dictionary entry, name, date or short pattern reaches.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** The program's and the platform's names are among the first guesses against it. */
const PROGRAM_WORDS = ["jip", "japan", "internship", "program", "platform", "intern", "jetro", "meti"];

/** The last few answers: a form checks the same password on its own and then with the person's name. */
const recent = new Map<string, boolean>();

/** True when the password is hard enough to guess, given what else the person told us (name, e-mail). */
export function isStrongPassword(password: string, userInputs: readonly string[] = []): boolean {
  const key = JSON.stringify([password, userInputs]);
  const known = recent.get(key);
  if (known !== undefined) return known;
  const strong = estimate(password, userInputs);
  recent.set(key, strong);
  if (recent.size > 16) recent.delete(recent.keys().next().value!);
  return strong;
}

function estimate(password: string, userInputs: readonly string[]): boolean {
  // zxcvbn's cost grows with length; beyond 64 characters the first 64 decide.
  const inputs = [
    ...PROGRAM_WORDS,
    ...userInputs
      .flatMap((v) => [v, v.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""), ...v.toLowerCase().split(/[^\p{L}\p{N}]+/u)])
      .filter((v) => v.length >= 3),
  ];
  return estimator().check(password.slice(0, 64), inputs).score >= MIN_SCORE;
}
