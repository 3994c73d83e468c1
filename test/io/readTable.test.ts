import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, openTable, parseTable, peekHeader } from '../../src/io/readTable.js';
import { files, rowsOf, tempDir } from '../helpers/schools.js';
import { thrown } from '../helpers/thrown.js';

const read = (path: string, keep = ['URN', 'SCHNAME', 'ATT8SCR']) => rowsOf(parseTable(openTable(path), keep));
const error = thrown;

describe('readTable', () => {
  it('reads UTF-8 with a BOM, CRLF, quoted fields, short rows and no final newline', () => {
    const f = files({ 'a.csv': '\uFEFFURN,SCHNAME,ATT8SCR\r\n1,"St Mary\u2019s, Upper",47.2\r\n2,Short\r\n3,"Said ""Hi""",40' });
    const t = read(f['a.csv']);
    expect(t.header).toEqual(['URN', 'SCHNAME', 'ATT8SCR']);
    expect(t.rows).toEqual([['1', 'St Mary\u2019s, Upper', '47.2'], ['2', 'Short', ''], ['3', 'Said "Hi"', '40']]);
    expect(t.lines).toEqual([2, 3, 4]);
    expect(t.shortRows).toBe(1);
    expect(t.encoding).toBe('utf-8 (BOM)');
  });

  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    const f = files({ 'w.csv': Buffer.from([...Buffer.from('URN,SCHNAME,ATT8SCR\n1,St Mary'), 0x92, ...Buffer.from('s,40\n')]) });
    const t = read(f['w.csv']);
    expect(t.rows[0][1]).toBe('St Mary\u2019s');
    expect(t.encoding).toBe('windows-1252');
  });

  it('detects semicolons and tabs, and keeps only the columns asked for', () => {
    expect(detectDelimiter('URN;SCHNAME;ATT8SCR')).toBe(';');
    expect(detectDelimiter('URN\tNAME')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    const f = files({ 's.csv': 'URN;X;ATT8SCR\n1;y;47,2\n' });
    const t = read(f['s.csv'], ['ATT8SCR', 'URN']);
    expect(t.header).toEqual(['ATT8SCR', 'URN']);
    expect(t.rows).toEqual([['47,2', '1']]);
    expect(t.delimiter).toBe(';');
  });

  it('handles mixed line endings', () => {
    const f = files({ 'm.csv': 'URN,SCHNAME,ATT8SCR\r\n1,A,1\n2,B,2\r3,C,3\n' });
    expect(read(f['m.csv']).rows.map((r) => r[0])).toEqual(['1', '2', '3']);
  });

  it('names the problem for broken files', () => {
    const f = files({
      'empty.csv': '',
      'nul.csv': 'URN,SCHNAME\n1,A\u0000B\n',
      'bad.csv': Buffer.from([...Buffer.from('URN,SCHNAME\n1,A'), 0x81, 0x0a]),
      'bom.csv': 'URN,SCHNAME\n1,A\n\uFEFFURN,SCHNAME\n',
      'quote.csv': 'URN,SCHNAME,ATT8SCR\n1,"Open quote,4\n2,B,5\n',
      'dup.csv': 'URN,ATT8SCR,ATT8SCR\n1,2,3\n',
    });
    expect(error(() => openTable(f['empty.csv'])).code).toBe('EMPTY_FILE');
    expect(error(() => openTable(f['nul.csv'], { strict: true }))).toMatchObject({ code: 'BINARY_FILE', location: { line: 2 } });
    expect(error(() => openTable(f['bad.csv']))).toMatchObject({ code: 'BAD_ENCODING', location: { line: 2 } });
    expect(error(() => openTable(f['bom.csv'], { strict: true }))).toMatchObject({ code: 'BAD_ENCODING', location: { line: 3 } });
    expect(error(() => read(f['quote.csv']))).toMatchObject({ code: 'CSV_SYNTAX' });
    expect(error(() => read(f['dup.csv']))).toMatchObject({ code: 'DUPLICATE_COLUMN' });
    expect(error(() => openTable(join(f.dir, 'nope.csv'))).code).toBe('FILE_NOT_FOUND');
    mkdirSync(join(f.dir, 'folder.csv'));
    expect(error(() => openTable(join(f.dir, 'folder.csv'))).code).toBe('NOT_A_FILE');
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', () => {
    const f = files({ 'locked.csv': 'URN\n1\n' });
    chmodSync(f['locked.csv'], 0o000);
    expect(error(() => openTable(f['locked.csv'])).code).toBe('FILE_UNREADABLE');
  });
});

describe('peekHeader', () => {
  it('gives the header openTable reads, or nothing when it cannot know it from the first line (property)', () => {
    const dir = tempDir();
    const name = fc.string({ unit: fc.constantFrom('A', 'b', '1', ' ', ',', ';', '\t', '"', 'é', '\r', '\0'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\uFEFF'), fc.constantFrom('\n', '\r\n'), (names, bom, eol) => {
        const file = join(dir, 'h.csv');
        writeFileSync(file, `${bom}${names.join(',')}${eol}1,2${eol}`);
        const peeked = peekHeader(file);
        let opened: string[] | undefined;
        try {
          opened = openTable(file).header;
        } catch {
          opened = undefined;
        }
        if (peeked !== undefined) expect(peeked).toEqual(opened);
      }),
      { numRuns: 500 },
    );
    // The usual DfE header is peeked.
    writeFileSync(join(dir, 'dfe.csv'), '\uFEFFURN,LA,PNUMFSMEVER\r\n1,2,3\r\n');
    expect(peekHeader(join(dir, 'dfe.csv'))).toEqual(['URN', 'LA', 'PNUMFSMEVER']);
  });
});
