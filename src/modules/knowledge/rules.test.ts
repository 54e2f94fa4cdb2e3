import { describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n/i18n.js';
import { formatRef, parseRef } from './refs.js';
import { nextTranslationState } from './translation.js';
import { checkPeriod, findChainOverlaps, isValidOn } from './validity.js';
import {
  type DraftForReview,
  isStale,
  publishRefusal,
  reasonsNotReadyForReview,
  reviewDueOn,
} from './workflow.js';

const texts = (q: string, a = 'answer') => ({ question: q, answer: a });

describe('references', () => {
  it('reads out as FAQ- and four digits, and parses back', () => {
    expect(formatRef(12)).toBe('FAQ-0012');
    expect(parseRef('FAQ-0012')).toBe(12);
    expect(parseRef('FAQ-12')).toBeUndefined();
    expect(parseRef('faq-0012')).toBeUndefined();
  });
});

describe('validity periods', () => {
  it('includes both ends, and an open end runs for ever', () => {
    expect(isValidOn({ from: '2020-03-01', to: '2020-09-30' }, '2020-09-30')).toBe(true);
    expect(isValidOn({ from: '2020-03-01', to: '2020-09-30' }, '2020-10-01')).toBe(false);
    expect(isValidOn({ from: '2020-10-01', to: null }, '2031-01-01')).toBe(true);
  });
  it('refuses an end before the start, naming validTo', () => {
    expect(checkPeriod({ from: '2020-10-01', to: '2020-09-30' })).toEqual([
      { field: 'validTo', code: 'knowledge.valid_to_before_from' },
    ]);
    expect(checkPeriod({ from: '2020-10-01', to: '2020-10-01' })).toEqual([]);
  });
  it('finds overlapping periods in a supersedes chain and accepts consecutive ones', () => {
    const chain = [
      { ref: 'FAQ-0001', period: { from: '2020-03-01', to: '2020-09-30' } },
      { ref: 'FAQ-0002', period: { from: '2020-10-01', to: '2020-12-31' } },
    ];
    expect(findChainOverlaps(chain)).toEqual([]);
    expect(
      findChainOverlaps([...chain, { ref: 'FAQ-0003', period: { from: '2020-12-01', to: null } }]),
    ).toEqual([['FAQ-0002', 'FAQ-0003']]);
  });
});

describe('translation parity', () => {
  const before = { fr: texts('Q fr'), nl: texts('Q nl') };
  const clean = { frNeedsUpdate: false, nlNeedsUpdate: false };
  it('marks Dutch as needing an update when only French changed', () => {
    expect(nextTranslationState(clean, before, { ...before, fr: texts('Q fr 2') })).toEqual({
      frNeedsUpdate: false,
      nlNeedsUpdate: true,
    });
  });
  it('clears the mark when Dutch is written', () => {
    const state = { frNeedsUpdate: false, nlNeedsUpdate: true };
    expect(nextTranslationState(state, before, { ...before, nl: texts('Q nl 2') })).toEqual(clean);
  });
  it('does not flag French when the edit was the awaited Dutch translation', () => {
    const state = { frNeedsUpdate: false, nlNeedsUpdate: true };
    expect(nextTranslationState(state, before, { ...before, nl: texts('Q nl 2') }).frNeedsUpdate).toBe(false);
  });
  it('keeps Dutch flagged while only French keeps changing', () => {
    const state = { frNeedsUpdate: false, nlNeedsUpdate: true };
    expect(nextTranslationState(state, before, { ...before, fr: texts('Q fr 3') })).toEqual({
      frNeedsUpdate: false,
      nlNeedsUpdate: true,
    });
  });
  it('marks nothing when both languages change together', () => {
    expect(nextTranslationState(clean, before, { fr: texts('a'), nl: texts('b') })).toEqual(clean);
  });
});

describe('review workflow', () => {
  const ready = {
    state: 'in_review' as const,
    fr: texts('q'),
    nl: texts('v'),
    frNeedsUpdate: false,
    nlNeedsUpdate: false,
    editorIds: ['ed'],
  };
  it('sends to review only with both languages present and current', () => {
    expect(reasonsNotReadyForReview(ready)).toEqual([]);
    expect(reasonsNotReadyForReview({ ...ready, nl: texts('') }).map((r) => r.code)).toEqual([
      'knowledge.language_missing',
    ]);
    expect(reasonsNotReadyForReview({ ...ready, nlNeedsUpdate: true }).map((r) => r.code)).toEqual([
      'knowledge.translation_outdated',
    ]);
  });
  it('names the missing or outdated language in words, in each language of the interface', () => {
    const say = (language: 'fr' | 'nl' | 'en', draft: DraftForReview) =>
      reasonsNotReadyForReview(draft).map((r) => translate(language, r.code, r.params));
    expect(say('fr', { ...ready, nl: texts('') })).toEqual(['Le texte néerlandais manque.']);
    expect(say('nl', { ...ready, fr: texts('') })).toEqual(['De Franse tekst ontbreekt.']);
    expect(say('en', { ...ready, frNeedsUpdate: true })).toEqual(['The French translation must be updated.']);
  });
  it('never lets a reviewer publish their own change', () => {
    expect(publishRefusal(ready, 'ed')).toBe('knowledge.own_change');
    expect(publishRefusal(ready, 'rev')).toBeUndefined();
    expect(publishRefusal({ ...ready, state: 'draft' }, 'rev')).toBe('knowledge.not_in_review');
  });
  it('is due for review 90 days after publication, and stale the day after', () => {
    expect(reviewDueOn('2020-03-18', 90)).toBe('2020-06-16');
    expect(isStale('2020-06-16', '2020-06-16')).toBe(false);
    expect(isStale('2020-06-16', '2020-06-17')).toBe(true);
  });
});

describe('supersedes chains', async () => {
  const { chainOf, withLink } = await import('./chain.js');
  const links = [
    { ref: 'FAQ-0001', supersedes: null, period: { from: '2020-03-01', to: '2020-09-30' } },
    { ref: 'FAQ-0002', supersedes: 'FAQ-0001', period: { from: '2020-10-01', to: '2020-12-31' } },
    { ref: 'FAQ-0003', supersedes: 'FAQ-0002', period: { from: '2021-01-01', to: null } },
    { ref: 'FAQ-0009', supersedes: null, period: { from: '2020-03-01', to: null } },
  ];
  it('finds the whole chain from any member, oldest period first', () => {
    expect(chainOf('FAQ-0002', links).map((l) => l.ref)).toEqual(['FAQ-0001', 'FAQ-0002', 'FAQ-0003']);
    expect(chainOf('FAQ-0009', links).map((l) => l.ref)).toEqual(['FAQ-0009']);
  });
  it('survives a loop in bad data', () => {
    const loop = withLink(links, {
      ref: 'FAQ-0001',
      supersedes: 'FAQ-0003',
      period: { from: '2020-03-01', to: '2020-09-30' },
    });
    expect(chainOf('FAQ-0001', loop)).toHaveLength(3);
  });
});
