#!/usr/bin/env node
/**
 * A KS4 performance-table file (wide: one row per school, RECTYPE, LEA, URN, SCHNAME,
 * TPUP, ATT8SCR, P8MEA, P8CILOW, P8CIUPP, …) written in the long ("tidy") layout of
 * Explore Education Statistics (src/core/load/eesColumns.ts): one row per school × year ×
 * breakdown, with the national and LA rows as geographic_level National and Local
 * authority. Used to test that fos gives the same results from either layout.
 *
 *   node scripts/wide-to-long.mjs 2019=data/ks4_2019.csv [2018=data/ks4_2018.csv …] > long.csv
 *
 * Each school gets a `Total` row (the wide file's own figures) and a `Disadvantaged` row:
 * the wide file's _FSM6CLA1A figures when it has them, else made-up figures (ATT8SCR − 7.5,
 * a third of TPUP), so a reader that fails to keep one breakdown gives other results.
 * Missing codes become EES's: SUPP → c, NE/NP → x, NA → z, LOWCOV → low, blank stays blank.
 * Deterministic: the same input gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';

const require = createRequire(import.meta.url);

const HEADER = [
  'time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'version',
  'old_la_code', 'new_la_code', 'la_name', 'school_laestab', 'school_name', 'school_urn', 'establishment_type_group',
  'breakdown_topic', 'breakdown', 't_pupils', 'avg_att8', 'avg_p8score', 'p8score_ci_low', 'p8score_ci_upp',
];
const CODES = { SUPP: 'c', NE: 'x', NP: 'x', NA: 'z', LOWCOV: 'low' };

/** A wide file's text (UTF-8, else Windows-1252, as fos reads it) as records. */
export function readWide(bytes) {
  const { parse } = require('csv-parse/sync');
  const text = isUtf8(bytes) ? bytes.toString('utf8') : require('iconv-lite').decode(bytes, 'win1252');
  const rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true });
  const header = rows[0].map((h) => h.trim().toUpperCase());
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** 2019 → 201819 (the academic year ending in it). */
export const periodOf = (year) => `${Number(year) - 1}${String(year).slice(2)}`;

const cell = (v) => {
  const s = (v ?? '').trim();
  if (s in CODES) return CODES[s];
  return s.endsWith('%') ? s.slice(0, -1) : s;
};
const num = (v) => (/^-?\d+(\.\d+)?$/.test(cell(v)) ? Number(cell(v)) : NaN);
const typeOf = (r) =>
  r.RECTYPE === '2' ? 'Special school' : /^(CY|VA|VC|FD)$/.test(r.NFTYPE ?? '') ? 'Local authority maintained school' : r.NFTYPE === 'IND' ? 'Independent school' : 'Academy or free school';

/** The long rows of one wide file's records for one year. */
export function longRows(records, year) {
  const period = periodOf(year);
  const out = [];
  const base = (level, r) => [period, 'Academic year', level, 'E92000001', 'England', 'Final'];
  for (const r of records) {
    const rectype = (r.RECTYPE ?? '').trim();
    const la = cell(r.LEA);
    if (rectype === '5' || rectype === '7') {
      // RECTYPE 5: all schools; 7: state-funded schools (as EES's establishment_type_group).
      out.push([...base('National'), '', '', '', '', '', '', rectype === '7' ? 'All state-funded' : 'All schools', 'All pupils', 'Total', cell(r.TPUP), cell(r.ATT8SCR), cell(r.P8MEA), cell(r.P8CILOW), cell(r.P8CIUPP)]);
      continue;
    }
    if (rectype === '4') {
      out.push([...base('Local authority'), la, '', `LA ${la}`, '', '', '', 'All state-funded', 'All pupils', 'Total', cell(r.TPUP), cell(r.ATT8SCR), cell(r.P8MEA), cell(r.P8CILOW), cell(r.P8CIUPP)]);
      continue;
    }
    const school = [...base('School'), la, '', `LA ${la}`, `${la}${cell(r.ESTAB)}`, r.SCHNAME ?? '', cell(r.URN), typeOf(r)];
    out.push([...school, 'All pupils', 'Total', cell(r.TPUP), cell(r.ATT8SCR), cell(r.P8MEA), cell(r.P8CILOW), cell(r.P8CIUPP)]);
    const own = 'ATT8SCR_FSM6CLA1A' in r;
    const att8 = own ? cell(r.ATT8SCR_FSM6CLA1A) : Number.isNaN(num(r.ATT8SCR)) ? cell(r.ATT8SCR) : (num(r.ATT8SCR) - 7.5).toFixed(1);
    const pupils = own ? cell(r.TFSM6CLA1A) : Number.isNaN(num(r.TPUP)) ? cell(r.TPUP) : String(Math.round(num(r.TPUP) / 3));
    out.push([...school, 'Disadvantage status', 'Disadvantaged', pupils, att8, own ? cell(r.P8MEA_FSM6CLA1A) : 'z', 'z', 'z']);
  }
  return out;
}

const quote = (f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);

/** The long file, as text, of wide files given as [year, bytes] pairs (in the order given). */
export function wideToLong(inputs) {
  const lines = [HEADER.join(',')];
  for (const [year, bytes] of inputs) for (const row of longRows(readWide(bytes), year)) lines.push(row.map(quote).join(','));
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('-o');
  const out = outAt >= 0 ? args.splice(outAt, 2)[1] : undefined;
  if (args.length === 0 || args.some((a) => !/^\d{4}=/.test(a))) {
    process.stderr.write('usage: node scripts/wide-to-long.mjs YEAR=WIDE.csv [YEAR=WIDE.csv …] [-o LONG.csv]\n');
    process.exit(2);
  }
  const text = wideToLong(args.map((a) => [a.slice(0, 4), readFileSync(a.slice(5))]));
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}
