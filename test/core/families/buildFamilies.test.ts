import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFamilies, otherFamilies, type FamilyOptions } from '../../../src/core/families/buildFamilies.js';
import { school, table } from '../../helpers/schools.js';

const base: FamilyOptions = { method: 'neighbours', size: 5, tiesAll: false, bands: [0, 10, 20, 100], groups: 3, context: [{ name: 'fsm', weight: 1 }, { name: 'eal', weight: 1 }] };

describe('otherFamilies', () => {
  it('gives the families buildFamilies makes with the changed options, reusing what does not change (property)', () => {
    const changes: Partial<FamilyOptions>[] = [
      { method: 'bands' },
      { size: 9 },
      { method: 'quantiles', groups: 4 },
      { method: 'size', size: 3 },
      { context: [{ name: 'fsm', weight: 1 }] },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 20, max: 80 })), { minLength: 2, maxLength: 40 }),
        fc.constantFrom(...changes),
        (rows, change) => {
          const schools = table(rows.map(([fsm, eal, m], k) => school(String(100 + k), fsm, m, { context: { eal } })));
          const yf = buildFamilies('2019', schools, base);
          const other = otherFamilies(yf, change);
          const fresh = buildFamilies('2019', schools, { ...base, ...change });
          const plain = (f: typeof yf) => ({ ...f, families: { ...f.families, index: undefined } });
          expect(plain(other)).toEqual(plain(fresh));
          if (!change.context) expect(other.space).toBe(yf.space);
        },
      ),
      { numRuns: 100 },
    );
  });
});
