// CSV on stdout. Numbers print with String(), the shortest text that reads back to the same double,
// so results can be compared with other tools to full precision.
export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  // A customer id such as "=HYPERLINK(…)" is data: a leading ' stops spreadsheets from running it.
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  const lines = [header.join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return lines.join('\n') + '\n';
}
