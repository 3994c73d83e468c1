import { describe, expect, it } from 'vitest';
import { files, fos, ks4 } from '../helpers/schools.js';

const HEADER = ['RECTYPE', 'LEA', 'URN', 'SCHNAME', 'TPUP', 'ATT8SCR', 'PTFSM6CLA1A'];
const schools = (ids: number[]) => ids.map((k) => ['1', '900', String(k), `School ${k}`, '100', String(40 + k), String(10 + k)]);
// 2017: schools 1–6 and England's row (RECTYPE 7); 2018: the same, school 9 (new), school 8
// with no result (NE), England's and the LA's rows (RECTYPE 4, LA 900: 47.5).
const f = files({
  'ks4_2017.csv': ks4([...schools([1, 2, 3, 4, 5, 6]), ['7', '', '', '', '5000', '46.1', '']], HEADER),
  'ks4_2018.csv': ks4([...schools([1, 2, 3, 4, 5, 6, 9]), ['1', '900', '8', 'School 8', '100', 'NE', '18'], ['4', '900', '', '', '800', '47.5', ''], ['7', '', '', '', '5100', '46.4', '']], HEADER),
});
const trend = async (id: string) => JSON.parse((await fos(['trend', id, '--attainment', f['ks4_2017.csv'], '--attainment', f['ks4_2018.csv'], '--format', 'json'])).stdout);

describe('trend of a school missing from a year', () => {
  it('a year without its row is "not in the files"; a row without a result is "not eligible"', async () => {
    expect((await trend('9')).tables.trend.map((r: Record<string, unknown>) => [r.year, r.label])).toEqual([
      ['2017', 'not in the files'],
      ['2018', expect.not.stringMatching(/not/)],
    ]);
    expect((await trend('8')).tables.trend.map((r: Record<string, unknown>) => r.label)).toEqual(['not in the files', 'not eligible']);
  });

  it('the LA note speaks of the years with an LA figure: a year whose cell is empty is said to have none', async () => {
    const j = await trend('9');
    // 2017: no row for school 9, so no LA (the cell is empty); 2018: the published 47.5.
    expect(j.tables.trend.map((r: Record<string, unknown>) => r.la_average)).toEqual([null, 47.5]);
    expect(j.summary).toContain('England: the published figures in the file; LA: the published figures in the file in 2018 (2017: none, as the school is not in that year’s files).');
    // A school in both years: 2017's LA figure is the average of the eligible schools, said so as before.
    const one = await trend('1');
    expect(one.tables.trend[0].la_average).not.toBeNull();
    expect(one.summary).toContain('England: the published figures in the file; LA: the published figures in the file in 2018 (other years: pupil averages (weighted by cohort) of the eligible schools loaded).');
  });
});
