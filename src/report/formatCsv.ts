import { createRequire } from 'node:module';
import type { Report, Table } from './model.js';
import { decimalText, neutralise } from './cells.js';

/** The report's main table (its first) as CSV: UTF-8 with a BOM so Excel reads names right. */
export function formatCsv(report: Report): string {
  return '\uFEFF' + tableCsv(report.tables[0]);
}

/** Text csv-stringify would write as it is: no delimiter, quote or line break to quote. */
const PLAIN = /^[^",\r\n]*$/;

/** One record written by csv-stringify (without its line break), loaded (as CommonJS, the quicker load) when first needed. */
function stringified(cells: string[]): string {
  const { stringify } = createRequire(import.meta.url)('csv-stringify/sync') as typeof import('csv-stringify/sync');
  return stringify([cells], { record_delimiter: '\n' }).slice(0, -1);
}

/** A record without its line break: joined directly when no cell needs quoting, else by csv-stringify. */
function record(cells: string[], plain: boolean): string {
  return plain ? cells.join(',') : stringified(cells);
}

/**
 * A table as CSV, written by csv-stringify. Rows whose cells all need no quoting (most:
 * numbers, and names without a comma) are joined directly, which gives the same bytes
 * (tested) at a fraction of the cost on a national table. Each cell is exportValue's
 * value as text (numbers by decimalText), text cells neutralised.
 */
export function tableCsv(t: Table): string {
  const columns = t.columns;
  const header = columns.map((col) => col.header);
  const out: string[] = [record(header, header.every((h) => PLAIN.test(h)))];
  const keys = columns.map((col) => col.key);
  const whole = columns.map((col) => col.type === 'int');
  const cells: string[] = new Array(columns.length);
  for (const row of t.rows) {
    let plain = true;
    for (let c = 0; c < columns.length; c++) {
      const v = row[keys[c]];
      let text: string;
      if (typeof v === 'number') text = whole[c] ? String(Math.round(v)) : decimalText(v);
      else if (typeof v === 'string') {
        text = v === '' ? v : neutralise(v);
        if (plain && !PLAIN.test(text)) plain = false;
      } else text = v === null || v === undefined ? '' : String(v);
      cells[c] = text;
    }
    out.push(record(cells, plain));
  }
  // Line breaks put in by the one join: no line is a string of two pieces to flatten.
  return out.join('\n') + '\n';
}
