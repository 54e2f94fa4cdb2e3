import { describe, expect, it } from 'vitest';
import { termOf } from './analyzer.js';
import { EXCERPT_LENGTH, highlightExcerpt, highlightText, markdownToText } from './highlight.js';

const matched = (...words: string[]) => new Set(words.map((w) => termOf(w, 'fr')));

describe('markdownToText', () => {
  it('drops emphasis, list markers, headings and link targets', () => {
    expect(markdownToText('# Titre\n\n- **1.291,69 €** par mois ;\n- voir [le site](https://x.be).')).toBe(
      'Titre 1.291,69 € par mois ; voir le site.',
    );
  });
});

describe('highlightText', () => {
  it('marks every form of a matched word, whatever its accents or ending', () => {
    expect(highlightText('Cotisations et cotisation réduite', 'fr', matched('cotisation', 'reduite'))).toBe(
      '<mark>Cotisations</mark> et <mark>cotisation</mark> <mark>réduite</mark>',
    );
  });
});

describe('highlightExcerpt', () => {
  it('shows the part of a long answer holding the matches, cut at words, with ellipses', () => {
    const filler = 'mot '.repeat(100);
    const excerpt = highlightExcerpt(`${filler}Le report est possible. ${filler}`, 'fr', matched('report'));
    expect(excerpt).toContain('<mark>report</mark>');
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
    expect(excerpt.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(EXCERPT_LENGTH + 4);
  });
  it('shows the start of the answer when nothing in it matched', () => {
    expect(highlightExcerpt('Court.', 'fr', matched('report'))).toBe('Court.');
  });
});
