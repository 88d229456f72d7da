/** Assertions on what a use case throws, shared by the integration suites. */
import { expect } from "vitest";
import { ValidationError } from "../../../src/services/errors.ts";

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
