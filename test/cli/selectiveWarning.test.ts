import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

// 12 KS4 schools, no admissions column: 2 with Attainment 8 of 65 or more (70, 72), as grammar schools have.
const rows = Array.from({ length: 12 }, (_, k) => ['1', '900', String(100 + k), `School ${k}`, '100', String(k < 2 ? 70 + 2 * k : 40 + k), String(5 + k)]);
const f = files({ 'ks4.csv': ks4(rows, ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A']) });
const summary = async (argv: string[]) => JSON.parse((await fos([...argv, '--attainment', f['ks4.csv'], '--format', 'json'])).stdout).summary as string[];
const NOTE = /^2 of these 12 schools have Attainment 8 of 65 or more, as grammar schools do: selective schools cannot be told apart/;

describe('the selective-school warning', () => {
  it('outperformers says it as check does (the same sentence), over the eligible schools of the year', async () => {
    const out = (await summary(['outperformers'])).find((l) => NOTE.test(l));
    const check = (await summary(['check'])).find((l) => NOTE.test(l));
    expect(out).toBeDefined();
    expect(out).toBe(check);
  });

  it('not said when the measure is not Attainment 8', async () => {
    expect((await summary(['outperformers', '--measure', 'PTFSM6CLA1A'])).some((l) => /grammar/.test(l))).toBe(false);
  });
});
