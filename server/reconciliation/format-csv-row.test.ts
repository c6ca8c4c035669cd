import { describe, expect, it } from "vitest";
import { formatCsvRow } from "./format-csv-row";

describe("formatCsvRow", () => {
  it.each([
    ["plain cells", ["a", 1, 2n], "a,1,2\r\n"],
    ["empty cells for null/undefined", [null, undefined, ""], ",,\r\n"],
    ["quotes a comma", ["a,b"], '"a,b"\r\n'],
    ["doubles quotes", ['say "hi"'], '"say ""hi"""\r\n'],
    ["quotes newlines", ["a\nb"], '"a\nb"\r\n'],
    ["defuses formulas", ["=SUM(A1)", "+1", "@x"], "'=SUM(A1),'+1,'@x\r\n"],
    ["defuses a leading TAB or CR (spreadsheets strip them, then read a formula)", ["\t=cmd", "\r=cmd", "-2+3"], "'\t=cmd,\"'\r=cmd\",'-2+3\r\n"],
    ["leaves a TAB inside a cell alone", ["a\tb"], "a\tb\r\n"],
    ["negative numbers stay numbers", [-300n, -1], "-300,-1\r\n"],
  ] as const)("%s", (_name, cells, expected) => {
    expect(formatCsvRow(cells)).toBe(expected);
  });
});
