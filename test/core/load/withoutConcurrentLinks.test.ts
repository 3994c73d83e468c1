import { describe, expect, it } from 'vitest';
import { withoutConcurrentLinks } from '../../../src/core/load/withoutConcurrentLinks.js';
import { followedLinks } from '../../helpers/links.js';
import { school, table } from '../../helpers/schools.js';

// Followed links as schoolLinks.ts builds them: 106 → 906 (a conversion, 01-09-2018) and
// 107 → 101 (107 closed into 101, 31-08-2017).
const links = () => followedLinks([
  ['106', '906', '01-09-2018'],
  ['107', '101', '31-08-2017'],
]);
const year = (y: string, rows: [string, number][]) => ({ year: y, schools: table(rows.map(([id, m]) => school(id, 10, m, { name: id === '107' ? 'Elm School' : `School ${id}` }))) });

describe('withoutConcurrentLinks: two URNs with results in one year are two schools', () => {
  it('names the link of a school that closed into one open already, and keeps the conversion', () => {
    // 2017: 101 and 107 both have results (107 closed into 101); 2018: 106 has results, 906 an empty row (its conversion year).
    const years = [year('2017', [['101', 40], ['106', 50], ['107', 30]]), year('2018', [['101', 41], ['106', 51], ['906', NaN]]), year('2019', [['101', 42], ['906', 52]])];
    const l = links();
    const out = withoutConcurrentLinks(l, years);
    expect([...out.next]).toEqual([['106', '906']]);
    expect([...out.previous.keys()]).toEqual(['906']);
    expect(out.concurrent).toBe(1);
    const why = 'both have results in 2017 (107 closed into 101, open already): not followed';
    expect(out.named.get('101')).toEqual([{ other: '107', otherName: 'Elm School', type: 'Predecessor', date: '31-08-2017', why }]);
    expect(out.named.get('107')).toEqual([{ other: '101', otherName: 'School 101', type: 'Successor', date: '31-08-2017', why }]);
    // The links read are left as they were.
    expect(l.next.size).toBe(2);
    expect(l.named.size).toBe(0);
  });

  it('a link with results under one URN only in each year is followed: the links themselves', () => {
    const years = [year('2017', [['101', 40], ['106', 50]]), year('2018', [['101', 41], ['106', 51], ['906', NaN]]), year('2019', [['101', 42], ['906', 52]])];
    const l = links();
    expect(withoutConcurrentLinks(l, years)).toBe(l);
  });
});
