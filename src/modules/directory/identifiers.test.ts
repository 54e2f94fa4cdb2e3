import { describe, expect, it } from 'vitest';
import {
  formatEnterpriseNumber,
  formatNiss,
  maskNiss,
  normalizeEnterpriseNumber,
  normalizeNiss,
} from './identifiers.js';

describe('NISS / INSZ', () => {
  it.each([
    ['85073003328', '85073003328'],
    ['85.07.30-033.28', '85073003328'],
    ['93 02 14 155 34', '93021415534'],
    ['01010100126', '01010100126'], // born 2001: checked over 2YYMMDDSSS
    ['20031526843', '20031526843'], // born 2020
  ])('accepts %s', (written, digits) => {
    expect(normalizeNiss(written)).toBe(digits);
  });

  it.each([
    ['85073003327', 'wrong check digits'],
    ['8507300332', 'ten digits'],
    ['850730033280', 'twelve digits'],
    ['85.07.30-033.2a', 'a letter'],
    ['85133003328', 'month 13'],
    ['', 'empty'],
  ])('refuses %s (%s)', (written) => {
    expect(normalizeNiss(written)).toBeNull();
  });

  it('accepts a BIS number (month + 20 or + 40) whose check digits hold', () => {
    const body = '852730033'; // month 07 + 20
    const check = String(97 - Number(BigInt(body) % 97n)).padStart(2, '0');
    expect(normalizeNiss(`${body}${check}`)).toBe(`${body}${check}`);
  });

  it('is written with dots and a dash, and masked after the birth date', () => {
    expect(formatNiss('85073003328')).toBe('85.07.30-033.28');
    expect(maskNiss('85073003328')).toBe('85.07.30-***.**');
  });
});

describe('enterprise number (BCE/KBO)', () => {
  it.each(['0403170701', '0470873533', '0200245513', '0403.170.701', '0403 170 701'])(
    'accepts %s',
    (written) => {
      expect(normalizeEnterpriseNumber(written)).toMatch(/^\d{10}$/);
    },
  );

  it.each(['0403170702', '403170701', '2403170701', '04031707010'])('refuses %s', (written) => {
    expect(normalizeEnterpriseNumber(written)).toBeNull();
  });

  it('is written in three groups', () => {
    expect(formatEnterpriseNumber('0403170701')).toBe('0403.170.701');
  });
});
