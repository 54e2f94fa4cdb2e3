import { describe, expect, it } from 'vitest';
import { faqNextStep } from './faq-next-step.js';

describe('inquiries: where a proposed FAQ draft goes next', () => {
  it('waits for its translation while a language is empty or behind', () => {
    expect(faqNextStep({ state: 'draft', frNeedsUpdate: false, nlNeedsUpdate: true })).toEqual({
      step: 'translation',
      awaitsLanguage: 'nl',
    });
    expect(faqNextStep({ state: 'draft', frNeedsUpdate: true, nlNeedsUpdate: false }).awaitsLanguage).toBe(
      'fr',
    );
  });

  it('goes to review once submitted, and waits for its submission before', () => {
    expect(faqNextStep({ state: 'in_review', frNeedsUpdate: false, nlNeedsUpdate: false }).step).toBe(
      'review',
    );
    expect(faqNextStep({ state: 'draft', frNeedsUpdate: false, nlNeedsUpdate: false }).step).toBe(
      'submission',
    );
  });
});
