import { describe, expect, it } from 'vitest';
import { parseFaqRef, parseInquiryRef } from './spoken-refs.js';

describe('parseInquiryRef', () => {
  it.each([
    ['Q-2026-000002', 'Q-2026-000002'],
    ['Q 2026 000 002', 'Q-2026-000002'],
    ['q 2026 000 002', 'Q-2026-000002'],
    ['q-2026-000002', 'Q-2026-000002'],
    ['Q2026000002', 'Q-2026-000002'],
    ['Q2026-2', 'Q-2026-000002'],
    ['Q 2026 2', 'Q-2026-000002'],
    ['2026-000002', 'Q-2026-000002'],
    ['2026 000 002', 'Q-2026-000002'],
    ['2026000002', 'Q-2026-000002'],
    ['2026-2', 'Q-2026-000002'],
    ['2026 2', 'Q-2026-000002'],
    ['2026/4512', 'Q-2026-004512'],
    ['  q.2020.004512 ', 'Q-2020-004512'],
  ])('reads %j as %s', (typed, ref) => {
    expect(parseInquiryRef(typed)).toBe(ref);
  });

  it.each([
    ['a phone number', '0470 12 34 56'],
    ['a phone number run together', '0470123456'],
    ['an international phone number', '+32 470 12 34 56'],
    ['a NISS as written', '85.07.30-033.28'],
    ['a NISS born in 2020', '20.01.15-123.45'],
    ['a NISS run together', '20011512345'],
    ['an enterprise number', '0123.456.789'],
    ['an enterprise number run together', '0123456789'],
    ['a date', '2026-01-15'],
    ['a year alone', '2026'],
    ['a number without its year', '000002'],
    ['a number too long for its year', '2026-1234567'],
    ['the number zero', 'Q-2026-000000'],
    ['a year of another century', '1999-2'],
    ['words', 'droit passerelle'],
    ['a word starting with q', 'quarantaine 2026'],
    ['an FAQ reference', 'FAQ-0012'],
    ['nothing', '  '],
  ])('does not take %s (%j) for a reference', (_what, typed) => {
    expect(parseInquiryRef(typed)).toBeUndefined();
  });
});

describe('parseFaqRef', () => {
  it.each([
    ['FAQ-0012', 'FAQ-0012'],
    ['faq 12', 'FAQ-0012'],
    ['FAQ12', 'FAQ-0012'],
    ['faq-12', 'FAQ-0012'],
    ['FAQ 0012', 'FAQ-0012'],
    ['faq0012', 'FAQ-0012'],
    ['0012', 'FAQ-0012'],
    [' Faq.123 ', 'FAQ-0123'],
    ['FAQ-12345', 'FAQ-12345'],
    ['FAQ-00012', 'FAQ-00012'],
  ])('reads %j as %s', (typed, ref) => {
    expect(parseFaqRef(typed)).toBe(ref);
  });

  it.each([
    ['a bare number, which is a word of the search', '12'],
    ['a year', '2020'],
    ['a phone number', '0470 12 34 56'],
    ['a phone number run together', '0470123456'],
    ['a NISS', '85073003328'],
    ['an inquiry reference', 'Q-2026-000002'],
    ['the number zero', 'FAQ-0'],
    ['too many digits', 'faq 12345678'],
    ['words', 'faq chômage'],
    ['nothing', ''],
  ])('does not take %s (%j) for a reference', (_what, typed) => {
    expect(parseFaqRef(typed)).toBeUndefined();
  });
});
