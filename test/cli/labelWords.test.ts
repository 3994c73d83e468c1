import { describe, expect, it } from 'vitest';
import { files, fos } from '../helpers/schools.js';

// A New York style file with no year in its name, no cohort column, and one value that is
// not a number ("Above 95%"): 8 schools, % poverty falling as the score rises.
const rows = Array.from({ length: 8 }, (_, k) => `01M0${10 + k},P.S. ${10 + k},${1 + (k % 2)},${k === 3 ? 'Above 95%' : `${90 - k * 8}%`},${290 + k * 5}`);
const f = files({ 'nyc.csv': ['DBN,School Name,District,% Poverty,ELA Mean Scale Score', ...rows].join('\n') + '\n' });
const COLS = ['--attainment', f['nyc.csv'], '--id-col', 'DBN', '--la-col', 'District', '--fsm-col', '% Poverty', '--measure', 'ELA Mean Scale Score'];
const LABELS = ['--label', 'fsm=% poverty', '--label', 'la=District', '--label', 'nation=New York City'];

describe('check and the warnings say no DfE word of a file that is not DfE’s (no RECTYPE, ids not URN)', () => {
  it('no TPUP or TELIG, RECTYPE or DfE total rows: the cohort, special schools and summary rows in general words', async () => {
    const r = await fos(['check', ...COLS, '--name-col', 'School Name', ...LABELS]);
    expect(r.code, r.stderr).toBe(0);
    const all = r.stdout + r.stderr;
    expect(all).not.toMatch(/TPUP|TELIG|RECTYPE|DfE/);
    expect(r.stdout).toContain('Cohort: none: no cohort column found; no school is left out for its size (pass --cohort-col COL).');
    expect(r.stdout).toContain('no school-type column, so special schools cannot be told apart');
    expect(r.stdout).toContain('Summary rows are rows without an id.');
    expect(r.stderr).toContain('no cohort for ELA Mean Scale Score (none: no cohort column found)');
  });

  it('without --label too; a file with URN ids is DfE’s, and is told of TPUP and TELIG as before', async () => {
    const r = await fos(['check', ...COLS, '--name-col', 'School Name']);
    expect(r.stdout).toContain('Cohort: none: no cohort column found;');
    const g = files({ 'ks4.csv': 'URN,SCHNAME,ATT8SCR,PTFSM6CLA1A\n1,A,40,10\n2,B,42,12\n3,C,44,14\n' });
    const dfe = await fos(['check', '--attainment', g['ks4.csv']]);
    expect(dfe.stdout).toContain('Cohort: none: the file has no TPUP or TELIG column');
    expect(dfe.stdout).toContain('no RECTYPE column, so special schools cannot be told apart');
    expect(dfe.stderr).toContain('(none: the file has no TPUP or TELIG column)');
  });

  it('one unreadable value "was" treated as missing; no name column: said that schools are named by their ids', async () => {
    const r = await fos(['check', ...COLS, ...LABELS]);
    expect(r.stderr).toContain('fos: 1 value could not be read and was treated as missing (first: nyc.csv, line 5');
    expect(r.stderr).toContain('nyc.csv: no school name column found, so schools are named by their ids; pass --name-col COL');
    const named = await fos(['check', ...COLS, '--name-col', 'School Name']);
    expect(named.stderr).not.toContain('no school name column');
  });

  it('a file without a year: titles say none ("latest" is not a year), and check says what "latest" is', async () => {
    const odds = await fos(['odds', ...COLS, ...LABELS, '--name-col', 'School Name']);
    expect(odds.stdout.split('\n')[0]).toBe('Against the odds: ELA Mean Scale Score by % poverty');
    // "% poverty" keeps its space; only an abbreviation such as FSM is written "%FSM".
    expect(odds.stdout).toMatch(/× % poverty; R²/);
    const report = await fos(['report', '01M010', ...COLS, '--name-col', 'School Name']);
    expect(report.stdout.split('\n')[0]).toBe('P.S. 10 (01M010): ELA Mean Scale Score among similar schools');
    const out = await fos(['outperformers', ...COLS, '--name-col', 'School Name']);
    expect(out.stdout.split('\n')[0]).toBe('Candidate partners: schools that outperform their family');
    expect(out.stdout).toMatch(/candidate partners? among 7 eligible schools/);
    const check = await fos(['check', ...COLS, '--name-col', 'School Name']);
    expect(check.stdout).toContain('1 year loaded ("latest": the file\'s name gives no year; --attainment YEAR=FILE names it)');
    // A year in the name is said as before.
    const g = files({ 'nyc_2019.csv': ['DBN,School Name,District,% Poverty,ELA Mean Scale Score', ...rows].join('\n') + '\n' });
    const dated = await fos(['odds', ...COLS.slice(2), '--attainment', g['nyc_2019.csv'], '--name-col', 'School Name']);
    expect(dated.stdout.split('\n')[0]).toBe('Against the odds, 2019: ELA Mean Scale Score by % FSM');
    expect(dated.stdout).toMatch(/× %FSM; R²/);
  });
});
