import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// Five schools; school 3 has 6 pupils (TPUP), 2 disadvantaged pupils of its 40 (TFSM6CLA1A).
const HEADER = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTL2BASICS_94', 'TFSM6CLA1A', 'ATT8SCR_FSM6CLA1A', 'PTFSM6CLA1A'];
const ROWS = [
  ['1', '900', '1', 'A', '100', '40', '60%', '30', '35', '10'],
  ['1', '900', '2', 'B', '90', '42', '62%', '20', '36', '12'],
  ['1', '900', '3', 'C', '6', '44', '64%', '2', '37', '14'],
  ['1', '900', '4', 'D', '80', '46', '66%', '9', '38', '16'],
  ['1', '900', '5', 'E', '70', '48', '68%', '25', '39', '18'],
];

describe('fos check: which cohort applies', () => {
  it('a new whole-school measure keeps the file cohort (TPUP), so small schools stay out', async () => {
    const f = files({ 'a.csv': ks4(ROWS, HEADER) });
    const r = await fos(['check', '--attainment', f['a.csv'], '--measure', 'PTL2BASICS_94', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tables.years[0]).toMatchObject({ eligible: 4, excluded_cohort_below_minimum: 1 });
    expect(j.summary.join('\n')).toMatch(/Cohort: TPUP, the file's cohort/);
    expect(r.stderr).not.toMatch(/no cohort/);
  });

  it("a pupil-group measure takes its group's count as cohort (2 and 9 disadvantaged pupils < 11)", async () => {
    const f = files({ 'a.csv': ks4(ROWS, HEADER) });
    const j = JSON.parse((await fos(['check', '--attainment', f['a.csv'], '--measure', 'ATT8SCR_FSM6CLA1A', '--format', 'json'])).stdout);
    expect(j.tables.years[0]).toMatchObject({ eligible: 3, excluded_cohort_below_minimum: 2 });
    expect(j.summary.join('\n')).toMatch(/Cohort: TFSM6CLA1A, the number of disadvantaged pupils/);
  });

  it('no cohort known: said in check and on stderr, and eligibility does not claim a cohort rule', async () => {
    const f = files({ 'a.csv': ks4(ROWS.map((r) => [r[2], r[3], r[5], r[9]]), ['URN', 'SCHNAME', 'ATT8SCR', 'PTFSM6CLA1A']) });
    const r = await fos(['check', '--attainment', f['a.csv'], '--format', 'json']);
    expect(r.stderr).toMatch(/no cohort for ATT8SCR .*--min-cohort cannot apply/);
    const j = JSON.parse(r.stdout);
    expect(j.summary.join('\n')).toMatch(/eligible \(any cohort/);
    expect(j.summary.join('\n')).not.toMatch(/cohort ≥/);
  });

  it('P8MEA without P8CILOW/P8CIUPP: the bound rule that cannot apply is said on stderr and in check', async () => {
    const rows = ROWS.map((r, k) => [r[0], r[1], r[2], r[3], r[4], String(-0.5 + 0.25 * k), r[9]]);
    const f = files({ 'a.csv': ks4(rows, ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'P8MEA', 'PTFSM6CLA1A']) });
    const out = await fos(['outperformers', '--attainment', f['a.csv'], '--measure', 'P8MEA', '--size', '3', '--no-robust']);
    expect(out.stderr).toMatch(/P8MEA usually comes with confidence bounds P8CILOW\/P8CIUPP, which the file lacks/);
    const j = JSON.parse((await fos(['check', '--attainment', f['a.csv'], '--measure', 'P8MEA', '--format', 'json'])).stdout);
    expect(j.summary.join('\n')).toMatch(/Bounds: P8MEA usually comes with confidence bounds/);
    // With the bounds there, nothing is said.
    const withBounds = files({ 'b.csv': ks4(rows.map((r) => [...r, '-1', '1']), ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'P8MEA', 'PTFSM6CLA1A', 'P8CILOW', 'P8CIUPP']) });
    expect((await fos(['check', '--attainment', withBounds['b.csv'], '--measure', 'P8MEA'])).stderr).not.toMatch(/bounds/);
  });

  it('lists everyone left out with the reason: all in json and with --excluded (csv), the first 20 on a terminal', async () => {
    // 4 eligible schools; school 3 (6 pupils), 22 without a result and 1 special school: 24 left out.
    const rows = [...ROWS, ...Array.from({ length: 22 }, (_, k) => ['1', '900', String(100 + k), `Gone ${k}`, '50', 'NE', '60%', '10', '30', '20']), ['2', '900', '200', 'Special', '50', '30', '60%', '10', '30', '20']];
    const f = files({ 'a.csv': ks4(rows, HEADER) });
    const j = JSON.parse((await fos(['check', '--attainment', f['a.csv'], '--format', 'json'])).stdout);
    expect(j.tables.excluded).toHaveLength(24);
    expect(j.tables.excluded.find((r: { id: string }) => r.id === '200')).toMatchObject({ name: 'Special', reason: 'special school' });
    const csv = (await fos(['check', '--attainment', f['a.csv'], '--excluded', '--format', 'csv'])).stdout.split('\n').filter(Boolean);
    expect(csv[0]).toBe('\uFEFFyear,id,name,la,reason,detail');
    expect(csv).toHaveLength(25);
    expect(csv[1]).toBe('latest,3,C,900,cohort below minimum,cohort 6 < 11');
    expect(csv[2]).toBe('latest,100,Gone 0,900,measure missing,no value for the measure');
    const table = (await fos(['check', '--attainment', f['a.csv']])).stdout;
    expect(table).toContain('Gone 18');
    expect(table).not.toContain('Gone 19');
    expect(table).toMatch(/24 schools left out in all; the first 20 are listed: fos check --excluded lists them all/);
  });
});
