import { describe, expect, it } from 'vitest';
import { followedLinks } from '../helpers/links.js';
import { wasUrn } from '../../src/report/wasUrn.js';

// Followed links written as the maps schoolLinks.ts builds: 100 → 200 (dated 2012) → 300 (dated 2019).
const links = followedLinks([
  ['100', '200', '01-09-2012'],
  ['200', '300', '01-09-2019'],
]);
const none = () => undefined;

describe('wasUrn: a school’s other URNs in words', () => {
  it('"now URN … since" is the year of the link into the latest URN, not the first of the chain', () => {
    // 100 became 200 in 2012 and 300 in 2019: it has been URN 300 since 2019.
    expect(wasUrn(links, '100', none)).toBe('now URN 300 since 2019');
    expect(wasUrn(links, '200', none)).toBe('was URN 100 until 2012, now URN 300 since 2019');
  });

  it('"until" is the last year loaded with a row under the earlier URN, before the link’s date', () => {
    // 200 has rows loaded up to 2014 though the link is dated 2012: the table shows 2014 under 200.
    const loaded = new Map([['200', '2014']]);
    expect(wasUrn(links, '300', (id) => loaded.get(id))).toBe('was URN 200 until 2014, URN 100 until 2012');
    // Nothing loaded under either: the links' dates.
    expect(wasUrn(links, '300', none)).toBe('was URN 200 until 2019, URN 100 until 2012');
  });
});
