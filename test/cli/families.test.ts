import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Six schools with % FSM 10–35 and a prior-attainment figure KS2APS.
const HEADER = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A', 'KS2APS'];
const ROWS = [0, 1, 2, 3, 4, 5].map((k) => ['1', k < 3 ? '900' : '901', String(k + 1), `School ${k + 1}`, '100', String(40 + 2 * k), String(10 + 5 * k), String(27 + k / 2)]);
const input = () => files({ 'a.csv': ks4(ROWS, HEADER) });

describe('fos families: titles say what was done', () => {
  it('a family flag its method does not use is a usage error (bands use % FSM alone)', async () => {
    const f = input();
    const bands = await fos(['families', '--attainment', f['a.csv'], '--method', 'bands', '--context-col', 'pa=KS2APS', '--context', 'fsm=1,pa=0.5']);
    expect(bands.code).toBe(2);
    expect(bands.stderr).toMatch(/--context does not apply to --method bands: bands are cut on % FSM alone/);
    expect((await fos(['families', '--attainment', f['a.csv'], '--groups', '3'])).stderr).toMatch(/--groups does not apply to --method neighbours/);
    expect((await fos(['families', '--attainment', f['a.csv'], '--method', 'quantiles', '--size', '3'])).code).toBe(2);
    expect((await fos(['families', '--attainment', f['a.csv'], '--bands', '0,50,100'])).code).toBe(2);
    expect((await fos(['families', '--attainment', f['a.csv'], '--method', 'bands', '--ties', 'all'])).stderr).toMatch(/--ties does not apply to --method bands/);
    expect((await fos(['families', '--attainment', f['a.csv'], '--size', '3', '--threshold', '2'])).stderr).toMatch(/--threshold does not apply to fos families, which shows no candidate partners/);
    // outperformers' robustness check makes neighbour families, with --ties; without it, --ties does nothing.
    expect((await fos(['outperformers', '--attainment', f['a.csv'], '--method', 'bands', '--ties', 'all'])).code).toBe(0);
    expect((await fos(['outperformers', '--attainment', f['a.csv'], '--method', 'bands', '--ties', 'all', '--no-robust'])).code).toBe(2);
    // --bands is odds' own option, and --size still applies to neighbours.
    expect((await fos(['odds', '--attainment', f['a.csv'], '--bands', '0,50,100'])).code).toBe(0);
    expect((await fos(['families', '--attainment', f['a.csv'], '--size', '3'])).code).toBe(0);
  });

  it('--size larger than the schools: "all 6 eligible schools", not "50 nearest"', async () => {
    const f = input();
    const j = JSON.parse((await fos(['families', '--attainment', f['a.csv'], '--size', '50', '--format', 'json'])).stdout);
    expect(j.summary[0]).toMatch(/^Families: all 6 eligible schools/);
    expect(j.summary[0]).not.toMatch(/50 nearest/);
    const size = JSON.parse((await fos(['families', '--attainment', f['a.csv'], '--method', 'size', '--size', '5', '--format', 'json'])).stdout);
    expect(size.summary[0]).toMatch(/all 6 eligible schools in one family/);
  });

  it('report: a context column is headed by its name and column, not "% PA"', async () => {
    const f = input();
    const r = await fos(['report', '1', '--attainment', f['a.csv'], '--size', '4', '--context-col', 'pa=KS2APS', '--context', 'fsm=1,pa=1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pa (KS2APS)');
    expect(r.stdout).not.toContain('% PA');
  });

  it('--context-col unused by --context, and --include-special without RECTYPE, are usage errors', async () => {
    const f = input();
    const unused = await fos(['families', '--attainment', f['a.csv'], '--size', '3', '--context-col', 'pa=KS2APS']);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toMatch(/--context-col pa=KS2APS is not used: --context does not name pa/);
    expect((await fos(['check', '--attainment', f['a.csv'], '--context-col', 'pa=KS2APS'])).code).toBe(0);
    const noType = files({ 'b.csv': ks4(ROWS.map((r) => r.slice(1)), HEADER.slice(1)) });
    const special = await fos(['families', '--attainment', noType['b.csv'], '--size', '3', '--include-special']);
    expect(special.code).toBe(2);
    expect(special.stderr).toMatch(/--include-special: the attainment file has no RECTYPE column/);
    const check = JSON.parse((await fos(['check', '--attainment', noType['b.csv'], '--format', 'json'])).stdout);
    expect(check.summary.join('\n')).toMatch(/no RECTYPE column, so special schools cannot be told apart/);
  });
});
