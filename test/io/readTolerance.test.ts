import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, openTable, parseTable } from '../../src/io/readTable.js';
import { files, fos, rowsOf } from '../helpers/schools.js';
import { thrown } from '../helpers/thrown.js';

const read = (path: string, keep = ['URN', 'SCHNAME', 'ATT8SCR'], strict = false) => {
  const src = openTable(path, { strict });
  return { ...rowsOf(parseTable(src, keep)), repairs: src.repairs };
};
const error = thrown;
const HEADER = 'URN,SCHNAME,ATT8SCR';
const body = ['1,Alpha,40', '2,Beta,41', '3,Gamma,42'];

describe('input tolerance', () => {
  it('a quoted line break in a header name: the header and every row are read (as csv-parse and Python read them)', () => {
    const f = files({ 'h.csv': `URN,SCHNAME,ATT8SCR,"P8\nBANDING"\n1,Alpha,40,3\n2,Beta,41,2\n` });
    const t = read(f['h.csv'], ['URN', 'SCHNAME', 'P8\nBANDING']);
    expect(t.header).toEqual(['URN', 'SCHNAME', 'P8\nBANDING']);
    expect(t.rows).toEqual([['1', 'Alpha', '3'], ['2', 'Beta', '2']]);
    expect(t.lines).toEqual([3, 4]);
  });

  it('a NUL byte in one row: removed, the line reported; --strict stops there', () => {
    const f = files({ 'n.csv': [HEADER, '1,Al\u0000pha,40', ...body.slice(1)].join('\n') + '\n' });
    const t = read(f['n.csv']);
    expect(t.rows.map((r) => r[1])).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(t.repairs).toEqual([{ line: 2, problem: 'a NUL byte, removed' }]);
    expect(error(() => read(f['n.csv'], undefined, true))).toMatchObject({ code: 'BINARY_FILE', location: { line: 2 } });
  });

  it('NULs in many bytes or lines: not a text file, said at once (a header, then 200,000 NULs)', () => {
    const zeros = Buffer.alloc(200_000);
    zeros.write(`${HEADER}\n1,A,3\n`);
    const many = [HEADER, ...Array.from({ length: 10 }, (_, k) => `${k},A\u0000,3`)].join('\n');
    const f = files({ 'z.csv': zeros, 'many.csv': many });
    expect(error(() => openTable(f['z.csv']))).toMatchObject({ code: 'BINARY_FILE', location: { line: 3 } });
    expect(error(() => openTable(f['many.csv']))).toMatchObject({ code: 'BINARY_FILE', location: { line: 2 } });
  });

  it('a byte-order mark mid-file (two exports joined): the mark and the repeated header dropped, line numbers kept', () => {
    const f = files({ 'b.csv': [HEADER, body[0], `\uFEFF${HEADER}`, ...body.slice(1)].join('\r\n') + '\r\n' });
    const t = read(f['b.csv']);
    expect(t.rows.map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(t.lines).toEqual([2, 4, 5]);
    expect(t.repairs).toEqual([{ line: 3, problem: 'a byte-order mark and a repeated header line (two files joined?), dropped' }]);
    expect(error(() => read(f['b.csv'], undefined, true))).toMatchObject({ code: 'BAD_ENCODING', location: { line: 3 } });
  });

  it('UTF-16 (Excel\'s "Unicode text", tab-separated): LE with a BOM, LE without, BE', () => {
    const text = [HEADER, '1,St Mary’s,40', ...body.slice(1)].join('\r\n').replace(/,/g, '\t') + '\r\n';
    const le = Buffer.from(text, 'utf16le');
    const f = files({ 'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'nobom.txt': le, 'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]) });
    for (const [name, encoding] of [['le.txt', 'utf-16le (BOM)'], ['nobom.txt', 'utf-16le'], ['be.txt', 'utf-16be (BOM)']]) {
      const t = read(f[name]);
      expect(t.encoding, name).toBe(encoding);
      expect(t.delimiter).toBe('\t');
      expect(t.rows.map((r) => r[1])).toEqual(['St Mary’s', 'Beta', 'Gamma']);
    }
  });

  it('a file larger than a string can hold is refused before it is read, with the limit', () => {
    const f = files({});
    const big = join(f.dir, 'big.csv');
    // A sparse file: its size is set, no byte is written.
    execFileSync('truncate', ['-s', String(MAX_FILE_BYTES + 1), big]);
    const e = error(() => openTable(big));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toBe('the file is 536,870,889 bytes (512 MB); fos reads files of up to 536,870,888 bytes (512 MB)');
  });

  it('the CLI says which lines were cleaned, naming the file', async () => {
    const f = files({ 'a.csv': ['URN,SCHNAME,LEA,TPUP,ATT8SCR,PTFSM6CLA1A', ...Array.from({ length: 8 }, (_, k) => `${100 + k},S${k === 2 ? '\u0000' : ''}${k},900,100,${40 + k},${10 + k}`)].join('\n') + '\n' });
    const r = await fos(['families', '--attainment', f['a.csv'], '--size', '3', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/fos: a\.csv: 1 line cleaned before reading \(first: line 4, a NUL byte, removed\); --strict to stop instead/);
    const strict = await fos(['families', '--attainment', f['a.csv'], '--size', '3', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/a\.csv, line 4: the file holds a NUL byte/);
  });
});
