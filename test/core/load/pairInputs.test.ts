import { describe, expect, it } from 'vitest';
import { pairInputs, parseFileArg, yearFromFileName } from '../../../src/core/load/pairInputs.js';

describe('pairing files by year', () => {
  it('reads years from names and folders', () => {
    expect(yearFromFileName('2016-2017_850_ks4final.csv')).toBe('2017');
    expect(yearFromFileName('data/815_2019_census.csv')).toBe('2019');
    expect(yearFromFileName('england-2019/england_census.csv')).toBe('2019');
    expect(yearFromFileName('ks4.csv')).toBeUndefined();
    expect(yearFromFileName('urn123456.csv')).toBeUndefined();
  });

  it('parses YEAR=FILE', () => {
    expect(parseFileArg('2018=a.csv')).toEqual({ year: '2018', file: 'a.csv' });
    expect(parseFileArg('a=b.csv')).toEqual({ file: 'a=b.csv' });
    // Every way of writing an academic year is its end year, as a long file's time_period is (201819 → 2019).
    for (const y of ['2019', '2018-19', '2018/19', '2018-2019', '201819']) expect(parseFileArg(`${y}=a.csv`)).toEqual({ year: '2019', file: 'a.csv' });
    expect(() => parseFileArg('2018-20=a.csv')).toThrow(/2018-20 is not a year/);
    // So a label pairs with a file named by any spelling of the same year.
    expect(pairInputs([parseFileArg('2016-17=a.csv'), parseFileArg('2018=b.csv')], [parseFileArg('201617=c.csv'), parseFileArg('2017/18=d.csv')])).toEqual([
      { year: '2017', attainment: 'a.csv', fsm: 'c.csv' },
      { year: '2018', attainment: 'b.csv', fsm: 'd.csv' },
    ]);
  });

  it('pairs by year, one FSM file for one attainment file, none for same-file FSM', () => {
    expect(pairInputs([{ file: 'ks4.csv' }], [{ file: 'census.csv' }])).toEqual([{ year: 'latest', attainment: 'ks4.csv', fsm: 'census.csv' }]);
    expect(pairInputs([{ file: 'x_2018.csv' }, { file: 'x_2017.csv' }], [{ file: 'c_2017.csv' }, { file: 'c_2018.csv' }])).toEqual([
      { year: '2017', attainment: 'x_2017.csv', fsm: 'c_2017.csv' },
      { year: '2018', attainment: 'x_2018.csv', fsm: 'c_2018.csv' },
    ]);
    expect(pairInputs([{ year: '2019', file: 'a.csv' }], [])).toEqual([{ year: '2019', attainment: 'a.csv' }]);
  });

  it('refuses what it cannot pair', () => {
    expect(() => pairInputs([], [])).toThrow(/no attainment file/);
    expect(() => pairInputs([{ file: 'a.csv' }, { file: 'b.csv' }], [])).toThrow(/cannot tell the year/);
    expect(() => pairInputs([{ file: 'a_2018.csv' }, { file: 'a_2019.csv' }], [{ file: 'c_2018.csv' }, { file: 'c_2020.csv' }])).toThrow(/no FSM file for 2019/);
  });
});

describe('several files for one year', () => {
  it('are kept together, in the order given, as one year (attainment and FSM alike)', () => {
    const years = pairInputs(
      [{ year: '2019', file: '850.csv' }, { year: '2019', file: '936.csv' }, { year: '2018', file: 'x.csv' }],
      [{ year: '2019', file: 'c850.csv' }, { year: '2019', file: 'c936.csv' }, { year: '2018', file: 'cx.csv' }],
    );
    expect(years).toEqual([
      { year: '2018', attainment: 'x.csv', fsm: 'cx.csv' },
      { year: '2019', attainment: '850.csv', attainmentMore: ['936.csv'], fsm: 'c850.csv', fsmMore: ['c936.csv'] },
    ]);
  });
});
