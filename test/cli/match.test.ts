import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, fos } from '../helpers/schools.js';

// Eight KS4 schools of one authority: three selective (ADMPOL SEL, Attainment 8 of 70+),
// five others (COMP, MOD). % disadvantaged in the file itself (PTFSM6CLA1A).
const header = 'URN,SCHNAME,LEA,RECTYPE,ADMPOL,TPUP,ATT8SCR,PTFSM6CLA1A';
const rows = [
  '101,Grammar A,900,1,SEL,100,74,3',
  '102,Grammar B,900,1,SEL,100,72,4',
  '103,Grammar C,900,1,SEL,100,70,6',
  '104,Comp D,900,1,COMP,100,50,5',
  '105,Comp E,900,1,COMP,100,48,7',
  '106,Modern F,900,1,MOD,100,44,9',
  '107,Comp G,900,1,COMP,100,46,12',
  '108,Comp H,900,1,COMP,100,42,20',
];
const csv = [header, ...rows].join('\n') + '\n';

describe('--match', () => {
  it('keeps a school’s family within its stratum and says so; without it, report and check say selective schools cannot be told apart', async () => {
    const f = files({ 'ks4.csv': csv });
    const plain = await fos(['report', '104', '--attainment', f['ks4.csv'], '--size', '4']);
    expect(plain.code).toBe(0);
    // By % FSM alone, Comp D (5%) sits among the grammar schools (4%, 6%, 3%).
    expect(plain.stdout).toMatch(/Grammar/);
    expect(plain.stdout).toMatch(/3 of these 4 schools have Attainment 8 of 65 or more.*cannot be told apart.*--join.*ADMPOL/);
    const check = await fos(['check', '--attainment', f['ks4.csv']]);
    expect(check.stdout).toMatch(/3 of these 8 schools have Attainment 8 of 65 or more/);

    const matched = await fos(['report', '104', '--attainment', f['ks4.csv'], '--size', '4', '--match', 'ADMPOL']);
    expect(matched.code).toBe(0);
    expect(matched.stdout).not.toMatch(/Grammar/);
    expect(matched.stdout).toMatch(/within schools of the same ADMPOL/);
    expect(matched.stdout).not.toMatch(/cannot be told apart/);
    // Comp D's family: itself, Comp E (7%), Modern F (9%), Comp G (12%): MOD is non-selective.
    for (const name of ['Comp E', 'Modern F', 'Comp G']) expect(matched.stdout).toContain(name);
  });

  it('is read from the manifest too, and a column no file has is an error naming it', async () => {
    const f = files({ 'ks4.csv': csv });
    const manifest = join(f.dir, 'fos.json');
    writeFileSync(manifest, JSON.stringify({ years: { 2018: { attainment: 'ks4.csv' } }, columns: { match: ['ADMPOL'] } }));
    const r = await fos(['families', '--data', manifest, '--size', '3', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.meta.options.match).toEqual(['ADMPOL']);
    const bad = await fos(['families', '--attainment', f['ks4.csv'], '--match', 'GRAMMAR']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/GRAMMAR/);
  });

  it('report shows each context variable beside the family’s range and median, and warns at the edge', async () => {
    const f = files({ 'ks4.csv': csv });
    // Comp H (20% FSM) with families of 4 within its stratum: Modern F 9, Comp G 12, Comp E 7:
    // others 7–12, median 9; 20 lies above their 95th percentile (11.7).
    const r = await fos(['report', '108', '--attainment', f['ks4.csv'], '--size', '4', '--match', 'ADMPOL', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.tables.context).toEqual([{ variable: 'fsm', school_value: 20, others_min: 7, others_median: 9, others_max: 12, at_edge: true }]);
    expect(j.summary.join('\n')).toContain("At the edge of its family on fsm 20 (the others' middle 90%: 7.2–11.7)");
  });
});
