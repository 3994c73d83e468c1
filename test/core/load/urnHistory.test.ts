import { describe, expect, it } from 'vitest';
import { urnHistory } from '../../../src/core/load/urnHistory.js';
import { ownId } from '../../../src/core/schoolKey.js';
import { school, table } from '../../helpers/schools.js';

// 106 became 906 (key 906); in 2018, the year it converts, both have a row.
const key = (id: string) => (id === '106' ? '906' : id);
const year = (y: string, ids: string[]) => ({ year: y, schools: table(ids.map((id) => school(id, 10, 40, { name: id === '906' ? 'Oak Academy' : `School ${id}` }))) });
const years = [year('2017', ['101', '106']), year('2018', ['101', '106', '906']), year('2019', ['101', '906'])];

describe('urnHistory: schools across the years by their key', () => {
  it('finds the school under its earlier URN, the years under each, and the year with two rows', () => {
    const h = urnHistory(years, key);
    expect(h.moved).toEqual([
      { key: '906', name: 'Oak Academy', urns: [{ id: '106', years: ['2017', '2018'] }, { id: '906', years: ['2018', '2019'] }] },
    ]);
    expect(h.twice).toEqual([{ year: '2018', key: '906', ids: ['106', '906'] }]);
    expect([...h.lastYear]).toEqual([['106', '2018'], ['906', '2019']]);
  });

  it('without links nothing has moved', () => {
    expect(urnHistory(years, ownId)).toEqual({ moved: [], twice: [], lastYear: new Map() });
  });
});
