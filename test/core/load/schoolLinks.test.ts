import { describe, expect, it } from 'vitest';
import { earlierUrns, latestId } from '../../../src/core/load/schoolLinks.js';
import { keyIndex, ownId, schoolKey } from '../../../src/core/schoolKey.js';
import { readLinks } from '../../../src/io/readLinks.js';
import { files } from '../../helpers/schools.js';
import { thrown } from '../../helpers/thrown.js';

// A links file in the GIAS layout, written by hand: quoted, CRLF, Windows-1252 (0xE9 is
// "é" in "Ecole Saint-Andr\xe9").
const HEADER = '"URN","LinkURN","LinkName","LinkType","LinkEstablishedDate"';
const ROWS = [
  // A plain conversion, written from both ends (one link): 100 → 200.
  '100,200,"Oak Academy","Successor","15-06-2017"',
  '200,100,"Oak School","Predecessor","15-06-2017"',
  // A chain of plain links: 300 → 400 → 500 (from one end only).
  '300,400,"Elm Middle","Successor","01-09-2012"',
  '500,400,"Elm Middle","Predecessor","01-09-2016"',
  // A merge: named, never followed.
  '600,700,"Ecole Saint-Andr\xe9","Predecessor - merged","01-09-2018"',
  // Two predecessors of one URN (an infant and a junior school become a primary): neither followed.
  '800,810,"Ash Infants","Predecessor","01-09-2015"',
  '800,820,"Ash Juniors","Predecessor",""',
  // Each the other's predecessor (a loop in the file): not followed.
  '910,920,"Loop B","Successor","01-01-2014"',
  '920,910,"Loop A","Successor","01-01-2015"',
];
const write = (rows: string[], header = HEADER) => files({ 'links.csv': Buffer.from([header, ...rows].join('\r\n') + '\r\n', 'latin1') })['links.csv'];

describe('a GIAS links file', () => {
  const { links, encoding } = readLinks(write(ROWS));

  it('is read as Windows-1252, one link per pair whichever end writes it', () => {
    expect(encoding).toBe('windows-1252');
    expect(links.rows).toBe(9);
    // 100>200, 300>400, 400>500, 810>800, 820>800, 910>920, 920>910: seven plain links; one merge.
    expect([links.plain, links.otherRows]).toEqual([7, 1]);
    expect(links.named.get('600')).toEqual([{ other: '700', otherName: 'Ecole Saint-André', type: 'Predecessor - merged', date: '01-09-2018', why: 'not followed' }]);
  });

  it('follows one-to-one plain links, and chains of them to the latest URN', () => {
    expect(latestId(links, '100')).toBe('200');
    expect(latestId(links, '300')).toBe('500');
    expect(latestId(links, '400')).toBe('500');
    expect(latestId(links, '500')).toBe('500');
    expect(earlierUrns(links, '500')).toEqual([
      { id: '400', date: '01-09-2016' },
      { id: '300', date: '01-09-2012' },
    ]);
    expect(earlierUrns(links, '200')).toEqual([{ id: '100', date: '15-06-2017' }]);
  });

  it('names, but does not follow, merges, a URN with two predecessors, and a loop', () => {
    expect(latestId(links, '700')).toBe('700');
    expect(latestId(links, '810')).toBe('810');
    expect(latestId(links, '820')).toBe('820');
    expect(earlierUrns(links, '800')).toEqual([]);
    expect(links.named.get('800')!.map((l) => [l.other, l.why])).toEqual([
      ['810', '800 has 2 predecessors (810, 820): not followed'],
      ['820', '800 has 2 predecessors (810, 820): not followed'],
    ]);
    expect(latestId(links, '910')).toBe('910');
    expect(latestId(links, '920')).toBe('920');
    expect(links.named.get('910')![0].why).toBe('the links of 910, 920 form a loop: not followed');
  });

  it('keys each id by its latest URN, or by the latest the files hold', () => {
    const key = schoolKey(links);
    expect(['100', '200', '300', '400', '500', '600', '999'].map(key)).toEqual(['200', '200', '500', '500', '500', '600', '999']);
    // The files hold 300 and 400 but not 500 (it came later): the school is 400.
    const held = new Set(['300', '400']);
    const inFiles = schoolKey(links, (id) => held.has(id));
    expect(['300', '400', '500'].map(inFiles)).toEqual(['400', '400', '400']);
    expect(schoolKey(undefined)).toBe(ownId);
  });

  it('indexes a year by key: of two rows of one school, the higher score, then the latest URN', () => {
    const key = schoolKey(links);
    expect([...keyIndex(['100', '200', '600'], key)]).toEqual([['200', 1], ['600', 2]]);
    expect([...keyIndex(['100', '200', '600'], key, (r) => (r === 0 ? 1 : 0))]).toEqual([['200', 0], ['600', 2]]);
    expect([...keyIndex(['300', '400'], key)]).toEqual([['500', 0]]);
  });
});

describe('a bad links file', () => {
  it('names the file, line, column and value', () => {
    const e = thrown(() => readLinks(write([ROWS[0], '200,100,"Oak School","Predecessor","June 2017"'])));
    expect(e.code).toBe('BAD_VALUE');
    expect(e.location).toMatchObject({ line: 3, column: 'LinkEstablishedDate', value: 'June 2017' });
    expect(e.location.file).toMatch(/links\.csv$/);
    expect(thrown(() => readLinks(write(['100,,"X","Successor",""']))).location).toMatchObject({ line: 2, column: 'LinkURN', value: '' });
    expect(thrown(() => readLinks(write(['100,100,"X","Successor",""']))).message).toBe('URN 100 is linked to itself');
  });

  it('without URN, LinkURN or LinkType is not a links file', () => {
    const e = thrown(() => readLinks(write(['1,2'], 'URN,SCHNAME')));
    expect(e.code).toBe('COLUMN_NOT_FOUND');
    expect(e.message).toMatch(/columns LinkURN, LinkType not found for the links file; columns are URN, SCHNAME/);
    // A wide file (an attainment file given as --links): its first 12 columns, then how many in all, as other headers are listed.
    const wide = ['URN', ...Array.from({ length: 19 }, (_, i) => `C${i + 1}`)];
    expect(thrown(() => readLinks(write(['1'], wide.join(',')))).message).toMatch(/columns are URN, C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, … \(20 in all\)$/);
  });
});
