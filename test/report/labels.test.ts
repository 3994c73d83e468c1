import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no types
import { newYorkFiles } from '../../scripts/newyork-fixture.mjs';
import { ROBUSTNESS_CHECKS } from '../../src/core/compare/robustness.js';
import { eligibility } from '../../src/core/load/eligibility.js';
import type { ExclusionReason } from '../../src/core/types.js';
import { checkName, columnName, DEFAULT_LABELS, detailWords, labelsFrom, measureName, reasonWords } from '../../src/report/labels.js';
import { school, table } from '../helpers/schools.js';
import { files, fos } from '../helpers/schools.js';

/** The English words a New York report must not say, as words (so "Atlantic", "Plaza" and "Island" do not count):
 * England's, and DfE's (its name, its RECTYPE total rows: the fixture's 2019 file has a published city total row). */
const ENGLISH = /\b(LA|FSM|England|DfE|RECTYPE)\b/;
const ENGLISH_ANY_CASE = /\b(LA|FSM|England|DfE|RECTYPE)\b/i;

/** The texts of an xlsx: every shared string and inline string of its sheets (the zip read by hand). */
function xlsxTexts(zip: Buffer): string {
  let out = '';
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = 0; k < zip.readUInt16LE(eocd + 10); k++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const name = zip.subarray(at + 46, at + 46 + zip.readUInt16LE(at + 28)).toString();
    const local = zip.readUInt32LE(at + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    if (/\.xml$/.test(name)) out += (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return [...out.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).join('\n');
}

const COMMANDS: string[][] = [['check'], ['families'], ['report', '01M100'], ['outperformers'], ['odds'], ['partners', '01M100'], ['trend', '01M100']];

describe('--label: a New York City file in its own words', () => {
  const f = files(newYorkFiles());
  const data = ['--data', f['fos.json']];

  // Every command in every format. Human-readable text (table, md, html without its
  // provenance footer, the json summary, notes and title, the xlsx cells other than the
  // header row, stderr) must hold none of the words in any case. The machine names stay
  // (csv/json/xlsx headers such as `la`, `fsm`, `england_average`; the option keys in the
  // json meta and html footer; check's `role` and `field` values such as `attainment+fsm`),
  // so those are held only to the capitalised words.
  for (const args of COMMANDS) {
    it(`${args[0]}: no LA, FSM or England in any format`, async () => {
      for (const format of ['table', 'md', 'html', 'csv', 'json', 'xlsx']) {
        const out = join(f.dir, `${args[0]}.${format}`);
        const r = await fos([...args, ...data, '--format', format, '-o', out]);
        expect(r.code, `${args[0]} ${format}: ${r.stderr}`).toBe(0);
        expect(r.stderr).not.toMatch(ENGLISH_ANY_CASE);
        const bytes = readFileSync(out);
        const text = format === 'xlsx' ? xlsxTexts(bytes) : bytes.toString('utf8');
        expect(text.length, `${args[0]} ${format}: read`).toBeGreaterThan(100);
        expect(text, `${args[0]} ${format}`).not.toMatch(ENGLISH);
        if (format === 'json') {
          const j = JSON.parse(text);
          expect([j.title, ...j.summary, ...j.notes].join('\n')).not.toMatch(ENGLISH_ANY_CASE);
        }
        const human = format === 'html' ? text.replace(/<div class="meta">[\s\S]*?<\/div>/, '') : text;
        const machineCells = args[0] === 'check' ? /attainment\+fsm|[│|]\s*(fsm|la)\s*[│|]|<td>(fsm|la)<\/td>/g : /$^/;
        if (['table', 'md', 'html'].includes(format)) expect(human.replace(machineCells, ''), `${args[0]} ${format}`).not.toMatch(ENGLISH_ANY_CASE);
      }
    });
  }

  it('says the New York words instead', async () => {
    const r = await fos(['report', '01M100', ...data]);
    expect(r.stdout).toContain('P.S. 100 Atlantic Avenue Academy: District 01, 66.6% low income, Mean scale score 282.7');
    const t = await fos(['trend', '01M100', ...data, '--format', 'md']);
    // 2018 has no published figure (the average of the loaded schools, named so); 2019 the
    // city's own total row (290.1, the fixture's last line: 60 schools after the header).
    expect(t.stdout).toMatch(/\| District \| New York City or all loaded \|/);
    expect(t.stdout).toMatch(/\| 01M100 \| 2019 \| 282\.7 \| [\d.]+ \| [\d.]+ \| 290\.1 \|/);
    expect(t.stdout).toContain('New York City: the published figures in the file in 2019 (other years: pupil averages (weighted by cohort) of the eligible schools loaded)');
    expect(t.stdout).toContain("Published figures: the file's own summary rows (New York City: the row without an id at nyc&#95;2019.csv line 62), over all the pupils they count");
    const check = JSON.parse((await fos(['check', ...data, '--format', 'json'])).stdout);
    expect(check.summary).toContain("Published figures for Mean scale score in 2019's summary rows: New York City 290.1 (the row without an id at nyc_2019.csv line 62); fos trend sets each school beside them.");
  });

  it('the same file without labels says the English words (so the test above can fail)', async () => {
    const plain = JSON.parse(readFileSync(f['fos.json'], 'utf8'));
    delete plain.labels;
    const g = files({ 'nyc_2018.csv': readFileSync(f['nyc_2018.csv']), 'nyc_2019.csv': readFileSync(f['nyc_2019.csv']), 'fos.json': JSON.stringify(plain) });
    const r = await fos(['report', '01M100', '--data', g['fos.json']]);
    expect(r.stdout).toMatch(/LA 01, 66.6% FSM, Mean Score 282.7/);
    expect((await fos(['odds', '--data', g['fos.json']])).stdout).toMatch(ENGLISH);
  });

  it('--label on the command line wins over the manifest; an unknown key is a usage error listing the keys', async () => {
    const r = await fos(['report', '01M100', ...data, '--label', 'la=Community School District']);
    expect(r.stdout).toContain('Community School District 01');
    const bad = await fos(['report', '01M100', ...data, '--label', 'borough=Manhattan']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--label borough: not a label fos uses, nor a column of nyc_2019\.csv/);
    expect(bad.stderr).toMatch(/keys: la, fsm, nation, measure, or a column name/);
    expect((await fos(['odds', ...data, '--label', 'nothing'])).code).toBe(2);
  });

  it('one key twice with different words is a usage error (in any case); a bad key in the manifest is said as the manifest\'s', async () => {
    const twice = await fos(['report', '01M100', ...data, '--label', 'LA=District', '--label', 'la=Borough']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('fos: --label la is given twice, as "District" and "Borough"\n  hint: give each key once\n');
    // The same words twice are one label; the flags still win over the manifest's "la".
    expect((await fos(['report', '01M100', ...data, '--label', 'la=Borough', '--label', 'LA=Borough'])).stdout).toContain('Borough 01');
    const m = JSON.parse(readFileSync(f['fos.json'], 'utf8'));
    const g = files({ 'nyc_2018.csv': readFileSync(f['nyc_2018.csv']), 'nyc_2019.csv': readFileSync(f['nyc_2019.csv']), 'fos.json': JSON.stringify({ ...m, labels: { ...m.labels, 'Mean Scor': 'x' } }) });
    const bad = await fos(['report', '01M100', '--data', g['fos.json']]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^fos: "labels" in fos\.json, key "Mean Scor": not a label fos uses, nor a column of nyc_2019\.csv/);
  });

  const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  it.skipIf(!CHROMIUM)('the html report in headless Chromium shows the New York words', async () => {
    const page = join(f.dir, 'nyc-report.html');
    expect((await fos(['report', '01M100', ...data, '-o', page])).code).toBe(0);
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${join(f.dir, 'chrome')}`];
    const dom = execFileSync(CHROMIUM!, [...flags, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    expect(dom).toContain('<th>District</th>');
    // (The page as drawn, --screenshot, was looked at by hand: headings, sentences and axis titles in New York's words.)
    expect(dom.replace(/<div class="meta">[\s\S]*?<\/div>/, '')).not.toMatch(ENGLISH_ANY_CASE);
  }, 60_000);
});

describe('labelsFrom', () => {
  it('defaults are the English words; fsm gives its noun without the %; nation its adjective', () => {
    expect(labelsFrom([])).toEqual(DEFAULT_LABELS);
    const l = labelsFrom([['fsm', '% low income'], ['nation', 'New York City'], ['la', 'District']]);
    expect([l.fsm, l.fsmWord, l.national, l.nationally, l.la, l.laWords, l.laPlural]).toEqual(['% low income', 'low income', 'New York City', 'in New York City', 'District', 'District', 'District']);
    // The compact form drops the space after "%" for an abbreviation only (QA: "× %poverty" read as a slip): "% low income" and "% poverty" stay.
    expect([DEFAULT_LABELS.fsmCompact, l.fsmCompact, labelsFrom([['fsm', '% poverty']]).fsmCompact, labelsFrom([['fsm', '% FRL']]).fsmCompact]).toEqual(['%FSM', '% low income', '% poverty', '%FRL']);
    expect(DEFAULT_LABELS.laPlural).toBe('local authorities');
  });

  it('reasons a school is left out, by reason: core’s own words by default, the labels’ otherwise', () => {
    const l = labelsFrom([['fsm', '% low income']]);
    const all: ExclusionReason[] = ['no attainment row', 'no FSM row', 'measure missing', 'FSM missing', 'context missing', 'cohort below minimum', 'special school'];
    for (const r of all) expect(reasonWords(r, DEFAULT_LABELS)).toBe(r);
    expect(all.map((r) => reasonWords(r, l))).toEqual(['no attainment row', 'no low income row', 'measure missing', 'low income missing', 'context missing', 'cohort below minimum', 'special school']);
    // Core's details, from eligibility itself (so a change there shows here): school 2 has no
    // FSM row, school 3 no % FSM, school 4 a cohort of 5.
    const t = table([school('1', 10, 40), school('2', 10, 40, { inFsmFile: false }), school('3', NaN, 40), school('4', 10, 40, { cohort: 5 })]);
    const left = eligibility('2019', t, { includeSpecial: false, minCohort: 11, contextVars: [] }).excluded;
    expect(left.map((e) => [e.reason, detailWords(e, DEFAULT_LABELS)])).toEqual(left.map((e) => [e.reason, e.detail]));
    expect(left.map((e) => detailWords(e, l))).toEqual(['id not found in the low income file', 'no value for % low income', 'cohort 5 < 11']);
  });

  it('robustness checks and column names in the labels’ words', () => {
    const l = labelsFrom([['fsm', '% low income'], ['mean score', 'Mean scale score'], ['measure', 'Score']]);
    expect(ROBUSTNESS_CHECKS.map((c) => checkName(c, DEFAULT_LABELS))).toEqual(ROBUSTNESS_CHECKS.map((c) => c.name));
    expect(ROBUSTNESS_CHECKS.map((c) => checkName(c, l))).toEqual(['neighbours of 10', 'neighbours of 40', '% low income bands']);
    // A column's own name is found as a header is (any case); the measure= name serves the measure only.
    expect([measureName(l, 'Mean Score'), measureName(l, 'ELA'), columnName(l, 'Mean Score'), columnName(l, 'ELA')]).toEqual(['Mean scale score', 'Score', 'Mean scale score', 'ELA']);
  });
});
