/** Assertions on what a use case throws, shared by the integration suites; and quiet runs of jobs that log each failure. */
import { expect } from "vitest";
import { RefusedError, ValidationError } from "#src/services/errors.ts";

/** The error a promise rejects with; fails the test when it resolves. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to throw");
}

export async function validationErrorOf(promise: Promise<unknown>): Promise<ValidationError> {
  const err = await caught(promise);
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

/** Runs `fn` with console.error silenced (the e-mail job logs each failed attempt, which these tests cause on purpose). */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = original;
  }
}

/** The RefusedError a promise rejects with (the one way a use case refuses); fails the test otherwise. */
export async function refusalOf(promise: Promise<unknown>): Promise<RefusedError> {
  const err = await caught(promise);
  expect(err).toBeInstanceOf(RefusedError);
  return err as RefusedError;
}
