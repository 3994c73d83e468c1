import type { Report } from './model.js';
import { exportValue } from './cells.js';
import { xmlText } from './safeText.js';

/** Excel's limit on the characters of a cell. */
export const XLSX_CELL_MAX = 32767;

/**
 * A text cell as written to xlsx: valid XML (controls shown as `\x1b`), and cut to Excel's
 * 32,767 characters with a note at its end saying how long it was. No apostrophe goes in
 * front of text like `=1+1`, as in csv: a cell written as text (a shared string) is never
 * run as a formula, and the apostrophe would be shown.
 *
 * xlsxText('=1+1') // => '=1+1'
 */
export function xlsxText(text: string): string {
  const safe = xmlText(text);
  if (safe.length <= XLSX_CELL_MAX) return safe;
  const note = ` … [cut: ${safe.length.toLocaleString('en-GB')} characters, Excel keeps ${XLSX_CELL_MAX.toLocaleString('en-GB')}]`;
  let end = XLSX_CELL_MAX - note.length;
  if (/[\ud800-\udbff]/.test(safe[end - 1])) end--; // never half a surrogate pair
  return safe.slice(0, end) + note;
}

/**
 * The report as an Excel workbook (write-excel-file): one sheet per table, a bold header
 * row frozen at the top, real numbers (not text), widths from the content, every text a
 * text cell (xlsxText).
 */
export async function formatXlsx(report: Report): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const used = new Set<string>();
  const sheets = report.tables.map((t) => {
    const header = t.columns.map((c) => ({ value: xlsxText(c.header), fontWeight: 'bold' as const }));
    const rows = t.rows.map((row) =>
      t.columns.map((c) => {
        const v = exportValue(row[c.key], c);
        if (v === null) return null;
        if (typeof v === 'number') return { value: v, type: Number };
        if (typeof v === 'boolean') return { value: v, type: Boolean };
        return { value: xlsxText(v), type: String };
      }),
    );
    const widths = t.columns.map((c, k) => Math.min(60, Math.max(c.header.length, ...t.rows.slice(0, 500).map((r) => String(r[c.key] ?? '').length)) + 2));
    const name = sheetName(t.id, used);
    return { data: [header, ...rows], sheet: name, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 };
  });
  const buffer = await writeXlsxFile(sheets as never).toBuffer();
  return fixZipTimes(new Uint8Array(buffer));
}

/**
 * Set every entry's time in the zip to 1980-01-01 00:00 (the DOS epoch), so the same
 * report gives the same bytes (the zip writer stamps the current time). Walks the
 * central directory from the end-of-central-directory record (PKWARE APPNOTE 4.3).
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) return zip;
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (let k = 0; k < entries && view.getUint32(at, true) === 0x02014b50; k++) {
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, 0, true);
      view.setUint16(local + 12, DOS_DATE, true);
    }
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'sheet';
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
  used.add(name);
  return name;
}
