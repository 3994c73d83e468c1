import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedRecord } from '../../src/io/quotedRecord.js';

/** csv-parse with the options io/readTable.ts gives it. */
const csvParse = (text: string, delimiter = ',') =>
  parse(text, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];

describe('quotedRecord', () => {
  it('splits a plainly quoted record by hand, unescaping ""', () => {
    expect(quotedRecord('1,"Smith, ""Jo"" & Co",22.5\r\n', ',')).toEqual(['1', 'Smith, "Jo" & Co', '22.5']);
    expect(quotedRecord('"a\nb";"";x', ';')).toEqual(['a\nb', '', 'x']);
  });

  it('leaves anything else to csv-parse', () => {
    for (const text of ['a,b"c', '"ab"c,d', '"open,d', 'a,"b"\nc,d', '"a" ,b']) expect(quotedRecord(text, ',')).toBeUndefined();
  });

  it('gives what csv-parse gives whenever it splits a text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', ';', '"', '\n', '\r', '’'), maxLength: 24 });
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), (t, d) => {
        const mine = quotedRecord(t, d);
        if (mine === undefined) return;
        let theirs: string[][];
        try {
          theirs = csvParse(t, d);
        } catch {
          throw new Error(`csv-parse refuses ${JSON.stringify(t)}, which quotedRecord split`);
        }
        expect(theirs).toEqual([mine]);
      }),
      { numRuns: 5000 },
    );
  });

  it('splits every record csv-stringify writes with a quoted field (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '\r\n', '’'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (fields) => {
        const line = stringify([fields], { quoted: true, quoted_empty: true });
        expect(quotedRecord(line, ',')).toEqual(fields);
      }),
      { numRuns: 1000 },
    );
  });
});
