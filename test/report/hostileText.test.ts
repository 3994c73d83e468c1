import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { xlsxText, XLSX_CELL_MAX } from '../../src/report/formatXlsx.js';
import { markdownText, visible, xmlText } from '../../src/report/safeText.js';
import { files, fos } from '../helpers/schools.js';

// Names a hostile (or careless) file could hold: terminal escapes, a bell, a form feed, a
// line break, a backslash before a pipe, HTML, a Markdown link.
const HOSTILE = ['\x1b[31mRED \x1b]0;title\x07', 'Line\nBreak', 'back\\|slash', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', 'Form\x0cFeed'];
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const input = () =>
  files({
    'a.csv': ['URN,SCHNAME,LEA,TPUP,ATT8SCR,PTFSM6CLA1A', ...Array.from({ length: 12 }, (_, k) => `${100 + k},${quote(HOSTILE[k] ?? `School ${k}`)},900,100,${40 + k},${10 + k}`)].join('\n') + '\n',
  });
/** The characters XML 1.0 allows (its Char production): anything else makes the file unreadable. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

describe('hostile text', () => {
  it('safeText: the escapes', () => {
    expect(visible('\x1b[2J\x07\u202e')).toBe('\\x1b[2J\\x07\\u202e');
    expect(xmlText('a\x1bb\tc\n')).toBe('a\\x1bb\tc\n');
    expect(markdownText('back\\|slash')).toBe('back&#92;&#124;slash');
    expect(markdownText('<b>&amp; & co</b>\nx')).toBe('&lt;b&gt;&amp;amp; & co&lt;/b&gt; x');
  });

  it('markdown: one row per school, the columns intact, no HTML or link from a name', async () => {
    const md = (await fos(['families', '--attainment', input()['a.csv'], '--size', '5', '--format', 'md'])).stdout;
    const rows = md.split('\n').filter((l) => l.startsWith('| latest |'));
    expect(rows).toHaveLength(12);
    // Every row has the header's number of cells: no pipe from a name splits one.
    const header = md.split('\n').find((l) => l.startsWith('| year'))!;
    const cells = (l: string) => l.split('|').length;
    for (const r of rows) expect(cells(r)).toBe(cells(header));
    expect(md).not.toMatch(/<script|<img|\]\(javascript|\x1b|\x07|\x0c/);
    expect(md).toContain('back&#92;&#124;slash');
  });

  it('html: names as text, no control character', async () => {
    const html = (await fos(['families', '--attainment', input()['a.csv'], '--size', '5', '--format', 'html'])).stdout;
    expect(html).not.toMatch(/<script|<img|\x1b|\x07|\x0c/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the terminal: every control character shown as an escape, also with --no-color', async () => {
    const r = await fos(['families', '--attainment', input()['a.csv'], '--size', '5', '--no-color']);
    expect(r.stdout).toContain('\\x1b[31mRED \\x1b]0;title\\x07');
    expect(r.stdout).toContain('Line\\x0aBreak');
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  });

  it('error hints show a header name\'s control characters as escapes', async () => {
    const f = files({ 'a.csv': 'URN,\x1b[2JSCHNAME,ATT8SCR\n1,A,40\n' });
    const r = await fos(['check', '--attainment', f['a.csv']]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('\\x1b[2J');
    expect(r.stderr).not.toMatch(/\x1b/);
  });

  it('svg: a standalone --chart is valid XML whatever the names', async () => {
    const f = input();
    const chart = join(f.dir, 'c.svg');
    const r = await fos(['report', '100', '--attainment', f['a.csv'], '--size', '5', '--chart', chart, '--format', 'csv']);
    expect(r.code).toBe(0);
    const svg = readFileSync(chart, 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).not.toMatch(NOT_XML_CHAR);
    expect(svg).toContain('\\x1b[31mRED');
  });

  it('xlsx: valid text cells, no apostrophe shown before a formula-like text, cells cut at 32,767 characters with a note', async () => {
    expect(xlsxText('=1+1')).toBe('=1+1');
    const long = xlsxText('a'.repeat(40000));
    expect(long).toHaveLength(XLSX_CELL_MAX);
    expect(long).toMatch(/ … \[cut: 40,000 characters, Excel keeps 32,767\]$/);
    expect(xlsxText('x'.repeat(32766) + '😀😀').length).toBeLessThanOrEqual(XLSX_CELL_MAX);
    const f = input();
    const out = join(f.dir, 'f.xlsx');
    expect((await fos(['families', '--attainment', f['a.csv'], '--size', '5', '-o', out])).code).toBe(0);
    const sheet = (await readXlsxFile(out))[0].data as unknown[][];
    const names = sheet.slice(1).map((row) => row[2] as string);
    expect(names).toContain('\\x1b[31mRED \\x1b]0;title\\x07');
    expect(names).toContain('Form\\x0cFeed');
  });
});
