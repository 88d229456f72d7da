/**
 * The clamd protocol without a clamd (issue 11 item 10, ADR 0028): how a
 * file is framed for INSTREAM, how each kind of answer is read, where the
 * scanner is configured, and the retry schedule. The real clamd is driven by
 * tests/integration/malware-scan.test.ts. docs/security.md › item 10.
 */
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "#src/config.ts";
import { clamdAddressFrom, describeClamdAddress, instreamFrames, isServable, parseClamdReply, scanRetryDelayMs } from "#src/domain/malware/clamd-protocol.ts";

const lengthOf = (frame: Uint8Array) => new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, false);

describe("parseClamdReply", () => {
  it("reads a clean answer, with the z-mode NUL, a newline or nothing after it", () => {
    expect(parseClamdReply("stream: OK\0")).toEqual({ kind: "clean" });
    expect(parseClamdReply("stream: OK\n")).toEqual({ kind: "clean" });
    expect(parseClamdReply("stream: OK")).toEqual({ kind: "clean" });
    expect(parseClamdReply("1: stream: OK\0")).toEqual({ kind: "clean" });
  });

  it("reads the signature of an infected file", () => {
    expect(parseClamdReply("stream: Win.Test.EICAR_HDB-1 FOUND\0")).toEqual({ kind: "infected", signature: "Win.Test.EICAR_HDB-1" });
    expect(parseClamdReply("stream: Jip.Test.Marker.UNOFFICIAL FOUND\n")).toEqual({ kind: "infected", signature: "Jip.Test.Marker.UNOFFICIAL" });
    expect(parseClamdReply("2: stream: Doc.Dropper.Agent-123 FOUND")).toEqual({ kind: "infected", signature: "Doc.Dropper.Agent-123" });
  });

  it("an error answer, an empty one or anything unexpected is no verdict (never read as clean)", () => {
    expect(parseClamdReply("INSTREAM size limit exceeded. ERROR\0")).toEqual({ kind: "error", message: "INSTREAM size limit exceeded. ERROR" });
    expect(parseClamdReply("stream: Can't allocate memory ERROR\0").kind).toBe("error");
    expect(parseClamdReply("").kind).toBe("error");
    expect(parseClamdReply("\0").kind).toBe("error");
    expect(parseClamdReply("PONG\0").kind).toBe("error");
    expect(parseClamdReply("stream: OKAY\0").kind).toBe("error");
    expect(parseClamdReply("stream:  FOUND\0").kind).toBe("error");
    expect(parseClamdReply("UNKNOWN COMMAND\0").kind).toBe("error");
  });
});

describe("instreamFrames", () => {
  it("prefixes each chunk with its big-endian length and ends with a zero length", () => {
    const bytes = new Uint8Array(10).map((_, i) => i + 1);
    const frames = instreamFrames(bytes, 4);
    expect(frames.map((f) => lengthOf(f))).toEqual([4, 4, 2, 0]);
    expect([...frames[0]!]).toEqual([0, 0, 0, 4, 1, 2, 3, 4]);
    expect([...frames[2]!]).toEqual([0, 0, 0, 2, 9, 10]);
    expect([...frames[3]!]).toEqual([0, 0, 0, 0]);
  });

  it("a large file: the lengths add up to the file and no chunk is longer than asked", () => {
    const bytes = new Uint8Array(300_001);
    const frames = instreamFrames(bytes);
    const lengths = frames.map((f) => lengthOf(f));
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(300_001);
    expect(Math.max(...lengths)).toBe(64 * 1024);
    expect(lengths.at(-1)).toBe(0);
    expect(lengthOf(instreamFrames(new Uint8Array(256), 1024)[0]!)).toBe(256);
  });

  it("an empty file is just the terminator; a bad chunk size is refused", () => {
    expect(instreamFrames(new Uint8Array(0)).map((f) => [...f])).toEqual([[0, 0, 0, 0]]);
    expect(() => instreamFrames(new Uint8Array(1), 0)).toThrow(RangeError);
  });
});

describe("configuration and states", () => {
  it("CLAMD_SOCKET wins, else CLAMD_HOST with CLAMD_PORT (3310 by default), else no scanner", () => {
    expect(clamdAddressFrom({ CLAMD_SOCKET: "/run/clamav/clamd.ctl", CLAMD_HOST: "scanner" })).toEqual({ socketPath: "/run/clamav/clamd.ctl" });
    expect(clamdAddressFrom({ CLAMD_HOST: "scanner" })).toEqual({ host: "scanner", port: 3310 });
    expect(clamdAddressFrom({ CLAMD_HOST: "10.0.0.5", CLAMD_PORT: "3311" })).toEqual({ host: "10.0.0.5", port: 3311 });
    expect(clamdAddressFrom({})).toBeNull();
    expect(clamdAddressFrom({ CLAMD_SOCKET: "  ", CLAMD_HOST: "" })).toBeNull();
    expect(() => clamdAddressFrom({ CLAMD_HOST: "scanner", CLAMD_PORT: "70000" })).toThrow(RangeError);
    expect(() => clamdAddressFrom({ CLAMD_HOST: "scanner", CLAMD_PORT: "33a" })).toThrow(RangeError);
    expect(describeClamdAddress({ host: "scanner", port: 3310 })).toBe("tcp:scanner:3310");
  });

  it("readConfig: the scanner from the environment, none by default, a bad port stops start-up with one line", () => {
    const env = { BETTER_AUTH_SECRET: "x".repeat(32), DATA_DIR: "/nonexistent-jip-data" };
    expect(readConfig(env).clamd).toBeNull();
    expect(readConfig({ ...env, CLAMD_SOCKET: "/run/clamav/clamd.ctl" }).clamd).toEqual({ socketPath: "/run/clamav/clamd.ctl" });
    expect(readConfig({ ...env, CLAMD_HOST: "127.0.0.1", CLAMD_PORT: "3310" }).clamd).toEqual({ host: "127.0.0.1", port: 3310 });
    expect(() => readConfig({ ...env, CLAMD_HOST: "127.0.0.1", CLAMD_PORT: "0" })).toThrow(ConfigError);
  });

  it("only a clean or a not-scanned document is served", () => {
    expect(["pending", "clean", "infected", "not_scanned"].filter(isServable)).toEqual(["clean", "not_scanned"]);
  });

  it("retries back off from 5 seconds to at most 5 minutes, forever", () => {
    expect([1, 2, 3, 4, 7, 8, 100].map((n) => scanRetryDelayMs(n))).toEqual([5_000, 10_000, 20_000, 40_000, 300_000, 300_000, 300_000]);
  });
});
