import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTable, parseTable } from '../../src/io/readTable.js';
import { rowsOf, tempDir } from '../helpers/schools.js';

const dir = tempDir();

describe('parseTable fast path', () => {
  it('gives the same rows and lines as csv-parse alone, for any valid CSV (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', ',', '"', '\n', '\r\n', ';', '’'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((w) => fc.tuple(fc.constant(w), fc.array(fc.array(field, { minLength: w, maxLength: w }), { maxLength: 12 }))),
        fc.constantFrom('\n', '\r\n'),
        // A header of quoted names, as GIAS writes it ("URN","LinkURN",…), or a plain one.
        fc.boolean(),
        (([w, body], eol, quotedHeader) => {
          const header = Array.from({ length: w }, (_, i) => `C${i}`);
          // Rows of blanks only would be skipped as empty lines by both; keep them out.
          const rows = body.filter((r) => r.join('') !== '' || w > 1);
          // Fields with a line break are quoted (csv-stringify leaves a bare LF unquoted when lines end in CRLF).
          const plain = stringify([header, ...rows], { record_delimiter: eol, quoted_match: /[\r\n]/ });
          const text = quotedHeader ? header.map((h) => `"${h}"`).join(',') + eol + plain.slice(plain.indexOf(eol) + eol.length) : plain;
          const file = join(dir, 'p.csv');
          writeFileSync(file, text);
          const t = rowsOf(parseTable(openTable(file, { delimiter: ',' }), header));
          const lines: number[] = [];
          const expected = (parse(text, { relax_column_count: true, skip_empty_lines: true, on_record: (r: string[], ctx: { lines: number }) => (lines.push(ctx.lines), r) }) as string[][]).slice(1);
          expect(t.rows).toEqual(expected);
          // Keeping some columns only (the line is then walked only as far as the last).
          const some = header.filter((_, i) => i % 2 === 0);
          expect(rowsOf(parseTable(openTable(file, { delimiter: ',' }), some)).rows).toEqual(expected.map((r) => r.filter((_, i) => i % 2 === 0)));
          // Line numbers agree wherever no field runs over several lines.
          if (!rows.flat().some((f) => /[\r\n]/.test(f))) expect(t.lines).toEqual(lines.slice(1));
          expect([...t.lines].sort((a, b) => a - b)).toEqual(t.lines);
        }) as (a: [number, string[][]], b: string, c: boolean) => void,
      ),
      { numRuns: 300 },
    );
  });
});
