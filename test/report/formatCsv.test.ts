import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../src/report/formatCsv.js';
import { exportValue, neutralise } from '../../src/report/cells.js';
import type { Column, Table } from '../../src/report/model.js';

const columns: Column[] = [
  { key: 'name', header: 'name', type: 'text' },
  { key: 'n', header: 'n', type: 'int' },
  { key: 'x', header: 'x, y', type: 'number' },
  { key: 'ok', header: 'ok', type: 'bool' },
];

describe('tableCsv', () => {
  // A header that needs quoting ("x, y") and one that does not.
  const plainColumns = columns.map((c) => ({ ...c, header: c.key }));
  it('writes exactly what csv-stringify writes for every row, quoted or not (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '=', '-', '’'), maxLength: 6 });
    const row = fc.record({ name: fc.oneof(text, fc.constant(null)), n: fc.oneof(fc.integer(), fc.constant(null)), x: fc.double({ noNaN: true, noDefaultInfinity: true }), ok: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom(columns, plainColumns), (rows, columns) => {
        const t: Table = { id: 't', columns, rows };
        // The plain way: every cell through csv-stringify.
        const cells = rows.map((r) => columns.map((col) => {
          const v = exportValue(r[col.key], col);
          return v === null ? '' : typeof v === 'string' ? neutralise(v) : String(v);
        }));
        expect(tableCsv(t)).toBe(stringify([columns.map((c) => c.header), ...cells], { record_delimiter: '\n' }));
      }),
      { numRuns: 300 },
    );
  });

  it('reads back as the same cells', () => {
    const t: Table = { id: 't', columns, rows: [{ name: 'St "Mary", Leeds', n: 3, x: -0.45, ok: true }, { name: 'Plain', n: null, x: 1, ok: false }] };
    expect(parse(tableCsv(t))).toEqual([['name', 'n', 'x, y', 'ok'], ['St "Mary", Leeds', '3', '-0.45', 'true'], ['Plain', '', '1', 'false']]);
  });
});
