import { describe, expect, it } from "vitest";
import { pgArray } from "./pg-array";

describe("pgArray", () => {
  it.each([
    ["uuids", ["0b7f2f5e-5d0c-4a43-9a54-6c8f1b3c2d10", "5f0e6f9a-1b2c-4d3e-8f70-123456789abc"], '{"0b7f2f5e-5d0c-4a43-9a54-6c8f1b3c2d10","5f0e6f9a-1b2c-4d3e-8f70-123456789abc"}'],
    ["JSON documents", ['{"units":1}', String.raw`{"path":"C:\\tmp"}`], String.raw`{"{\"units\":1}","{\"path\":\"C:\\\\tmp\"}"}`],
    ["text with commas, braces, spaces and the word NULL", ["a,b", "{x}", " padded ", "NULL", ""], '{"a,b","{x}"," padded ","NULL",""}'],
    ["nulls among values", [null, "x", null], '{NULL,"x",NULL}'],
    ["unicode", ["שלום", "🎉"], '{"שלום","🎉"}'],
    ["nothing", [], "{}"],
  ])("writes %s as array_in reads them", (_name, values, literal) => {
    expect(pgArray(values)).toBe(literal);
  });
});
