import { describe, expect, it } from 'vitest';
import { pickThread, refsInSubject, subjectWithRef, type ThreadCandidate } from './threading.js';

const candidate = (overrides: Partial<ThreadCandidate> = {}): ThreadCandidate => ({
  id: 'i-1',
  ref: 'Q-2020-000123',
  status: 'answered',
  requester_email: 'marie.dubois@example.be',
  anonymised_at: null,
  ...overrides,
});

describe('refsInSubject', () => {
  it('finds the references in a reply’s subject, once each', () => {
    expect(refsInSubject('RE: [Q-2020-000123] Votre question (Q-2020-000123, Q-2021-000001)')).toEqual([
      'Q-2020-000123',
      'Q-2021-000001',
    ]);
  });

  it('ignores what only looks like a reference', () => {
    expect(refsInSubject('Q-20-1 and XQ-2020-0001234 and Q-2020-12345')).toEqual([]);
  });
});

describe('pickThread', () => {
  it('threads a reply from the address the inquiry was written from, whatever its case', () => {
    expect(pickThread([candidate()], 'Marie.Dubois@example.be')?.ref).toBe('Q-2020-000123');
  });

  it('never attaches a mail from another address to someone’s inquiry', () => {
    expect(pickThread([candidate()], 'stranger@example.be')).toBeUndefined();
    expect(pickThread([candidate({ requester_email: null })], 'marie.dubois@example.be')).toBeUndefined();
    expect(pickThread([candidate()], null)).toBeUndefined();
  });

  it('skips an anonymised inquiry, and takes the first match in order', () => {
    const old = candidate({ id: 'i-0', anonymised_at: '2022-01-01T00:00:00.000Z' });
    const other = candidate({ id: 'i-2', ref: 'Q-2020-000124' });
    expect(pickThread([old, other, candidate()], 'marie.dubois@example.be')?.id).toBe('i-2');
  });
});

describe('subjectWithRef', () => {
  it('puts the reference in brackets in front, once', () => {
    expect(subjectWithRef('Q-2020-000123', 'Réponse')).toBe('[Q-2020-000123] Réponse');
    expect(subjectWithRef('Q-2020-000123', 'Re: [Q-2020-000123] Réponse')).toBe(
      '[Q-2020-000123] Re: Réponse',
    );
  });
});
