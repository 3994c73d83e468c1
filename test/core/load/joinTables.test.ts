import { describe, expect, it } from 'vitest';
import { FosError } from '../../../src/core/errors.js';
import { indexTable, isGias, joinedHeader, joinRawTables } from '../../../src/core/load/joinTables.js';
import { ArrayRow, type RawTable } from '../../../src/core/load/rawTable.js';

/** A RawTable of plain rows (line = data row + 1, as after a header). */
function table(file: string, header: string[], rows: string[][]): RawTable {
  return {
    file,
    header,
    encoding: 'utf-8',
    delimiter: ',',
    sha256: '',
    scan(visit) {
      rows.forEach((r, k) => visit(new ArrayRow(r), k + 2));
      return { rows: rows.length, shortRows: 0 };
    },
  };
}

describe('joinedHeader', () => {
  it('keeps the first table’s column on a shared name (ignoring case), lists the other as shadowed, and adds stem.col for all', () => {
    const h = joinedHeader(
      [
        { file: 'ks2.csv', stem: 'ks2', header: ['URN', 'TOWN', 'PTRWM_EXP'] },
        { file: 'gias.csv', stem: 'gias', header: ['URN', 'Town', 'Easting'] },
      ],
      [undefined, 'URN'],
    );
    expect(h.header).toEqual(['URN', 'TOWN', 'PTRWM_EXP', 'Easting', 'ks2.URN', 'ks2.TOWN', 'ks2.PTRWM_EXP', 'gias.URN', 'gias.Town', 'gias.Easting']);
    expect(h.source[1]).toEqual({ table: 0, column: 'TOWN' });
    expect(h.source[8]).toEqual({ table: 1, column: 'Town' });
    // The join id is shared on purpose: not reported.
    expect(h.shadowed).toEqual([{ column: 'Town', kept: 'ks2.csv', hidden: 'gias.csv' }]);
  });
});

describe('joinRawTables', () => {
  const base = table('ks2.csv', ['URN', 'TOWN'], [['1', 'A'], ['2', 'B'], ['3', 'C']]);
  const gias = indexTable(table('gias.csv', ['URN', 'Town', 'Easting'], [['3', 'c', '300'], ['1', 'a', '100']]), 'URN');

  it('puts each school’s joined values beside its row, blank when it has none', () => {
    const cols = [
      { name: 'URN', table: 0, column: 'URN' },
      { name: 'gias.Town', table: 1, column: 'Town' },
      { name: 'Easting', table: 1, column: 'Easting' },
    ];
    const joined = joinRawTables(base, 'URN', [gias], cols);
    expect(joined.header).toEqual(['URN', 'gias.Town', 'Easting']);
    const seen: [string, string, number, number][] = [];
    joined.scan((r, line) => seen.push([r.text(0), r.text(1), r.number(2), line]));
    expect(seen).toEqual([
      ['1', 'a', 100, 2],
      ['2', '', NaN, 3],
      ['3', 'c', 300, 4],
    ]);
  });

  it('a joined table with a school twice is an error naming both lines', () => {
    const e = (() => {
      try {
        indexTable(table('gias.csv', ['URN'], [['1'], ['2'], ['1']]), 'URN');
      } catch (x) {
        return x as FosError;
      }
    })();
    expect(e?.code).toBe('DUPLICATE_ID');
    expect(e?.message).toBe('school 1 appears twice (lines 2 and 4)');
    expect(e?.location).toMatchObject({ file: 'gias.csv', line: 4, column: 'URN', value: '1' });
  });
});

describe('isGias', () => {
  it('knows a GIAS download by its header, and nothing else', () => {
    expect(isGias(['URN', 'EstablishmentName', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'Easting'])).toBe(true);
    expect(isGias(['URN', 'SCHNAME', 'Easting', 'Northing'])).toBe(false);
  });
});
