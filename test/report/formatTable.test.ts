import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxTable, displayWidth } from '../../src/report/boxTable.js';
import { formatTable } from '../../src/report/formatTable.js';
import type { Report } from '../../src/report/model.js';
import { files, fos } from '../helpers/schools.js';

/** What cli-table3 (the renderer before) draws for the same cells, compact, no colour. */
function cliTable(head: string[], aligns: ('left' | 'right')[], rows: string[][]): string {
  const t = new Table({ head, style: { head: [], border: [], compact: true }, colAligns: aligns });
  for (const r of rows) t.push(r);
  return t.toString();
}

const report = (n: number, extra: Partial<Report> = {}): Report => ({
  title: 'T',
  summary: [],
  tables: [
    {
      id: 't',
      columns: [
        { key: 'id', header: 'id', type: 'text' },
        { key: 'v', header: 'v', type: 'number', digits: 1 },
      ],
      rows: Array.from({ length: n }, (_, k) => ({ id: `s${k}`, v: k / 3 })),
      highlight: [n - 1],
    },
  ],
  notes: [],
  charts: [],
  meta: { tool: 'fos', version: '0', command: 'x', options: {}, inputs: [], rows: n },
  ...extra,
});

describe('boxTable', () => {
  it('draws what cli-table3 draws (compact style), for any one-line cells', () => {
    // Printable ASCII and a few accented letters, as school names have.
    const text = fc.string({ unit: fc.constantFrom(...'abcXYZ 019-’éô&|'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(text, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (n, rows, right) => {
        const head = ['id', 'name', '% FSM', 'z'].slice(0, n);
        const aligns = right.slice(0, n).map((r) => (r ? 'right' : 'left') as 'left' | 'right');
        const cells = rows.map((r) => r.slice(0, n));
        const mine = boxTable(head.map((h, j) => ({ head: h, align: aligns[j] })), cells.map((c) => ({ cells: c })));
        expect(mine).toBe(cliTable(head, aligns, cells));
      }),
      { numRuns: 150 },
    );
  });

  it('measures wide and combining characters as a terminal shows them', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute
    expect(displayWidth('学校')).toBe(4); // two wide characters
  });
});

describe('formatTable', () => {
  it('shows the first 50 rows of a long table and says how many were left out; --limit all shows every one', () => {
    const page = formatTable(report(120), { color: false });
    expect(page.match(/│ (▶ )?s\d+/g)).toHaveLength(51); // 50, and the highlighted last row
    expect(page).toContain('▶ s119');
    expect(page).toContain('… 69 more rows not shown (51 of 120)');
    const all = formatTable(report(120), { color: false, limit: Infinity });
    expect(all.match(/│ (▶ )?s\d+/g)).toHaveLength(120);
    expect(all).not.toMatch(/not shown/);
    expect(formatTable(report(120), { color: false, limit: 5 }).match(/│ (▶ )?s\d+/g)).toHaveLength(6);
  });

  it('shows control characters in names, titles and notes as escapes, with or without colour', () => {
    const r = report(2);
    r.tables[0].rows[0].id = '\x1b[31mRED \x1b]0;title\x07';
    r.title = 'a\x1b[2Jb';
    r.notes = ['n\x0c'];
    for (const color of [false, true]) {
      const out = formatTable(r, { color });
      expect(out).toContain('\\x1b[31mRED \\x1b]0;title\\x07');
      expect(out).toContain('a\\x1b[2Jb');
      expect(out).toContain('n\\x0c');
      expect(out).not.toMatch(/\x1b\[31m|\x1b\]|\x07|\x1b\[2J|\x0c/);
    }
  });

  it('the CLI takes --limit N|all, and refuses anything else', async () => {
    const f = files({ 'a.csv': ['URN,SCHNAME,LEA,TPUP,ATT8SCR,PTFSM6CLA1A', ...Array.from({ length: 30 }, (_, k) => `${100 + k},School ${k},900,100,${40 + k},${10 + k}`)].join('\n') + '\n' });
    const rowsOf = (out: string) => out.match(/│ latest │/g)?.length ?? 0;
    expect(rowsOf((await fos(['families', '--attainment', f['a.csv'], '--size', '5'])).stdout)).toBe(30);
    const five = await fos(['families', '--attainment', f['a.csv'], '--size', '5', '--limit', '5']);
    expect(rowsOf(five.stdout)).toBe(5);
    expect(five.stdout).toContain('… 25 more rows not shown (5 of 30)');
    expect(rowsOf((await fos(['families', '--attainment', f['a.csv'], '--size', '5', '--limit', 'all'])).stdout)).toBe(30);
    expect((await fos(['families', '--attainment', f['a.csv'], '--size', '5', '--limit', 'x'])).code).toBe(2);
    // csv is never limited
    expect((await fos(['families', '--attainment', f['a.csv'], '--size', '5', '--limit', '5', '--format', 'csv'])).stdout.trim().split('\n')).toHaveLength(31);
  });
});
