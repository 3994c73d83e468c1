import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_CODES, parseCell } from '../../../src/core/load/parseCell.js';

describe('parseCell', () => {
  it('reads numbers, with or without a trailing %', () => {
    expect(parseCell('47.2')).toEqual({ kind: 'number', value: 47.2 });
    expect(parseCell('67.4%')).toEqual({ kind: 'number', value: 67.4 });
    expect(parseCell(' -0.45 ')).toEqual({ kind: 'number', value: -0.45 });
    expect(parseCell('0')).toEqual({ kind: 'number', value: 0 });
    expect(parseCell('1e2')).toEqual({ kind: 'number', value: 100 });
  });

  it('reads a decimal comma only when asked (semicolon files)', () => {
    expect(parseCell('47,2', true)).toEqual({ kind: 'number', value: 47.2 });
    expect(parseCell('47,2').kind).toBe('invalid');
    expect(parseCell('1,234,5', true).kind).toBe('invalid');
  });

  it('keeps missing codes with their code, never 0', () => {
    for (const code of MISSING_CODES) expect(parseCell(code)).toEqual({ kind: 'missing', code });
    expect(parseCell('')).toEqual({ kind: 'missing', code: '(blank)' });
    expect(parseCell(' ')).toEqual({ kind: 'missing', code: '(blank)' });
    expect(parseCell(undefined)).toEqual({ kind: 'missing', code: '(blank)' });
  });

  it('calls anything else invalid', () => {
    for (const raw of ['abc', '1,234', '12..3', '%', 'NaN', 'Infinity', '4 5', 'supp']) expect(parseCell(raw).kind).toBe('invalid');
  });

  it('round-trips any finite number written by JavaScript (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const c = parseCell(String(x));
        expect(c).toEqual({ kind: 'number', value: x === 0 ? Number(String(x)) : x });
      }),
    );
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => ['number', 'missing', 'invalid'].includes(parseCell(s).kind)));
  });
});
