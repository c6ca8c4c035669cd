/**
 * One RFC 4180 CSV record. Text cells starting with = + - @, TAB or CR (what spreadsheets
 * read as a formula, or strip to reach one) are prefixed with an apostrophe, since customer
 * keys come from apps and end up in Excel.
 */
export function formatCsvRow(cells: ReadonlyArray<string | number | bigint | null | undefined>): string {
  return `${cells
    .map((cell) => {
      if (cell === null || cell === undefined) return "";
      let text = String(cell);
      if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(",")}\r\n`;
}
