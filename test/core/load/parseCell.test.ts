import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_CODES, parseCell, parseNumber, parseNumberIn } from '../../../src/core/load/parseCell.js';

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

describe('parseNumber (the fast path)', () => {
  it('reads plain decimals and leaves everything else to parseCell', () => {
    expect(parseNumber('47.2')).toBe(47.2);
    expect(parseNumber('-0.45')).toBe(-0.45);
    expect(parseNumber('+5')).toBe(5);
    expect(parseNumber('5.')).toBe(5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(Object.is(parseNumber('-0'), -0)).toBe(true);
    expect(parseNumber('007')).toBe(7);
    for (const raw of ['', '.', '-', '1e2', ' 5', '5 ', '67.4%', 'SUPP', '1.2.3', '1,5', '1234567890123456']) expect(parseNumber(raw)).toBeNaN();
    // A span of a longer text, as rows are read.
    expect(parseNumberIn('a,12.5,b', 2, 6)).toBe(12.5);
  });

  it('gives exactly Number(raw) for any decimal of up to 15 digits (property)', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{0,8}$/), fc.option(fc.stringMatching(/^[0-9]{0,7}$/)))
      .map(([sign, int, frac]) => sign + int + (frac === null ? '' : '.' + frac));
    fc.assert(
      fc.property(decimal, (raw) => {
        const v = parseNumber(raw);
        if (/[0-9]/.test(raw)) expect(Object.is(v, Number(raw))).toBe(true);
        else expect(v).toBeNaN();
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with parseCell whenever it gives a number (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double({ noNaN: true }).map(String)), (raw) => {
        const v = parseNumber(raw);
        if (v === v) expect(parseCell(raw)).toEqual({ kind: 'number', value: v });
      }),
    );
  });
});

describe('the codes of the 2022–2025 files', () => {
  it('LOW and DNS are missing, counted under their code; "25%" is 25', () => {
    expect(parseCell('LOW')).toEqual({ kind: 'missing', code: 'LOW' });
    expect(parseCell('DNS')).toEqual({ kind: 'missing', code: 'DNS' });
    expect(parseCell('25%')).toEqual({ kind: 'number', value: 25 });
  });
});
