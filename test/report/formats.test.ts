import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { files, fos } from '../helpers/schools.js';

const EVIL = '=HYPERLINK("http://x","y")';
// A name that would be a link if written into HTML as it is.
const LINK = '<a href="http://x">y</a>';
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
// 12 schools; one named with a formula, one with a leading minus, one with HTML; z and gaps are negative numbers.
const rows = Array.from({ length: 12 }, (_, k) => `${100 + k},${k === 0 ? quoted(EVIL) : k === 1 ? '-Minus Academy' : k === 4 ? quoted(LINK) : `School ${k}`},900,100,${40 + k},${10 + k}`);
const input = () => files({ 'a.csv': ['URN,SCHNAME,LEA,TPUP,ATT8SCR,PTFSM6CLA1A', ...rows].join('\n') + '\n' });

describe('export formats', () => {
  it('csv: parsed back, names inert, numbers (negative too) still numbers', async () => {
    const f = input();
    const r = await fos(['families', '--attainment', f['a.csv'], '--size', '5', '--format', 'csv']);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const out = parse(r.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(out.find((x) => x.id === '100')!.name).toBe(`'${EVIL}`);
    expect(out.find((x) => x.id === '101')!.name).toBe("'-Minus Academy");
    const negative = out.find((x) => Number(x.z) < 0)!;
    expect(negative.z).toMatch(/^-\d/);
  });

  it('xlsx: read back with real numbers, a header row and inert names', async () => {
    const f = input();
    const out = join(f.dir, 'f.xlsx');
    expect((await fos(['families', '--attainment', f['a.csv'], '--size', '5', '-o', out])).code).toBe(0);
    const sheet = (await readXlsxFile(out))[0].data as unknown[][];
    expect(sheet[0].slice(0, 3)).toEqual(['year', 'id', 'name']);
    const byId = new Map(sheet.slice(1).map((row) => [row[1], row]));
    expect(byId.get('100')![2]).toBe(EVIL); // a text cell, inert without an apostrophe
    expect(typeof byId.get('100')![5]).toBe('number'); // measure
    expect(sheet.slice(1).some((row) => typeof row[13] === 'number' && (row[13] as number) < 0)).toBe(true); // z
    // Same input, same bytes (zip times are fixed).
    const again = join(f.dir, 'g.xlsx');
    await fos(['families', '--attainment', f['a.csv'], '--size', '5', '-o', again]);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('json: meta, tables and summary', async () => {
    const f = input();
    const j = JSON.parse((await fos(['families', '--attainment', f['a.csv'], '--size', '5', '--format', 'json'])).stdout);
    expect(Object.keys(j)).toEqual(['meta', 'title', 'summary', 'tables', 'notes']);
    expect(j.meta.inputs[0]).toMatchObject({ year: 'latest', role: 'attainment+fsm', rows: 12 });
    expect(j.tables.families).toHaveLength(12);
  });

  it('md and html carry the school and the verdict; html is self-contained', async () => {
    const md = (await fos(['report', '105', '--attainment', input()['a.csv'], '--size', '5', '--format', 'md'])).stdout;
    expect(md).toMatch(/^# School 5 \(105\)/);
    expect(md).toMatch(/\*\*105\*\*/);
    const html = (await fos(['report', '105', '--attainment', input()['a.csv'], '--size', '5', '--format', 'html'])).stdout;
    expect(html).toContain('<tr class="school">');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http/);
    // School 4 is in school 5's family (% FSM 14 beside 15): its name is shown, as text.
    expect(html).toContain('&lt;a href=&quot;http://x&quot;&gt;y&lt;/a&gt;');
    expect(html).not.toContain(LINK);
  });

  it('a failed export leaves no file behind', async () => {
    const f = input();
    const target = join(f.dir, 'out.csv');
    const r = await fos(['families', '--attainment', join(f.dir, 'missing.csv'), '-o', target]);
    expect(r.code).toBe(2);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(f.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe.skipIf(!CHROMIUM)('html report in headless Chromium', () => {
  it('renders the school name and the charts', async () => {
    const f = input();
    const page = join(f.dir, 'report.html');
    expect((await fos(['report', '105', '--attainment', f['a.csv'], '--size', '5', '-o', page])).code).toBe(0);
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${join(f.dir, 'chrome')}`];
    const dom = execFileSync(CHROMIUM!, [...flags, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    expect(dom).toContain('School 5 (105)');
    expect((dom.match(/<svg/g) ?? []).length).toBe(2);
    const shot = spawnSync(CHROMIUM!, [...flags, `--screenshot=${join(f.dir, 'shot.png')}`, '--window-size=1200,1600', `file://${page}`], { timeout: 60_000 });
    expect(shot.status).toBe(0);
    expect(readFileSync(join(f.dir, 'shot.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('no page is wider than a 1200 px window: wide tables scroll within their section', async () => {
    // Long names, so outperformers' table (the widest, with check's Years) is wider than the page; every table has the same wrapper.
    const long = (k: number) => `The Very Long Named Academy Trust School Number ${k} of the Borough`;
    const wide = Array.from({ length: 30 }, (_, k) => `${100 + k},${long(k)},900,100,${40 + (k % 7) * 3 + k / 10},${10 + k}`);
    const f = files({ 'a.csv': ['URN,SCHNAME,LEA,TPUP,ATT8SCR,PTFSM6CLA1A', ...wide].join('\n') + '\n' });
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--window-size=1200,1600', `--user-data-dir=${join(f.dir, 'chrome')}`];
    for (const argv of [['outperformers', '--threshold', '0.1']]) {
      const page = join(f.dir, `${argv[0]}.html`);
      expect((await fos([...argv, '--attainment', f['a.csv'], '-o', page])).code).toBe(0);
      // The page as written, with a script (in the test's copy only) that measures the overflow.
      const probe = join(f.dir, `${argv[0]}.probe.html`);
      const measure = "<script>document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth - document.documentElement.clientWidth));</script>";
      writeFileSync(probe, readFileSync(page, 'utf8').replace('</body>', `${measure}</body>`));
      const dom = execFileSync(CHROMIUM!, [...flags, '--dump-dom', `file://${probe}`], { encoding: 'utf8', timeout: 60_000 });
      expect(dom, argv[0]).toContain('data-overflow="0"');
    }
  });
});
