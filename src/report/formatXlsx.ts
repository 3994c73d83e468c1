import type { Report } from './model.js';
import { exportValue, neutralise } from './formatCsv.js';

/**
 * The report as an Excel workbook (write-excel-file): one sheet per table, a bold header
 * row frozen at the top, real numbers (not text), widths from the content, and text that
 * a spreadsheet could run as a formula neutralised as in csv.
 */
export async function formatXlsx(report: Report): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const used = new Set<string>();
  const sheets = report.tables.map((t) => {
    const header = t.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
    const rows = t.rows.map((row) =>
      t.columns.map((c) => {
        const v = exportValue(row[c.key], c);
        if (v === null) return null;
        if (typeof v === 'number') return { value: v, type: Number };
        if (typeof v === 'boolean') return { value: v, type: Boolean };
        return { value: neutralise(v), type: String };
      }),
    );
    const widths = t.columns.map((c, k) => Math.min(60, Math.max(c.header.length, ...t.rows.slice(0, 500).map((r) => String(r[c.key] ?? '').length)) + 2));
    const name = sheetName(t.id, used);
    return { data: [header, ...rows], sheet: name, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 };
  });
  const buffer = await writeXlsxFile(sheets as never).toBuffer();
  return new Uint8Array(buffer);
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'sheet';
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
  used.add(name);
  return name;
}
