import { describe, expect, it } from 'vitest';
import { dayRangeToInstants, referenceLink, type SummaryWords, summaryItems } from './audit-format.js';

const LABELS: Record<string, string> = {
  roles: 'rôles',
  date: 'date',
  assignee: 'attribuée à',
  isBlocked: 'bloqué',
};
const words: SummaryWords = {
  label: (key) => LABELS[key],
  date: (day) => `jour ${day}`,
  instant: (iso) => `instant ${iso}`,
  yes: 'oui',
  no: 'non',
  people: { '3f1c6a52-8f0e-4a8e-9d5b-2b7c1d0e9f11': 'Ada Admin' },
};

describe('web: audit log', () => {
  it('shows a summary as words: lists joined, changes as arrows, nothing as a dash', () => {
    expect(
      summaryItems({ roles: { from: ['agent'], to: ['agent', 'expert'] }, partner: null, count: 3 }, words),
    ).toEqual([
      { key: 'roles', label: 'rôles', text: 'agent → agent, expert' },
      { key: 'partner', label: 'partner', text: '—' },
      { key: 'count', label: 'count', text: '3' },
    ]);
  });

  it('names fields in words and formats days, instants, yes/no and people', () => {
    expect(
      summaryItems(
        {
          date: '2026-03-16',
          at: '2026-03-16T08:30:00.000Z',
          isBlocked: true,
          assignee: '3f1c6a52-8f0e-4a8e-9d5b-2b7c1d0e9f11',
        },
        words,
      ).map((item) => `${item.label}: ${item.text}`),
    ).toEqual([
      'date: jour 2026-03-16',
      'at: instant 2026-03-16T08:30:00.000Z',
      'bloqué: oui',
      'attribuée à: Ada Admin',
    ]);
  });

  it('says coded values in words where it has them, and leaves other text as it is', () => {
    const coded: SummaryWords = {
      ...words,
      value: (key, value) =>
        key === 'method' && value === 'password'
          ? 'mot de passe'
          : key === 'reason' && value === 'auth.account_inactive'
            ? 'Ce compte est désactivé.'
            : undefined,
    };
    expect(
      summaryItems({ method: 'password', reason: 'auth.account_inactive', note: 'password' }, coded).map(
        (item) => item.text,
      ),
    ).toEqual(['mot de passe', 'Ce compte est désactivé.', 'password']);
  });

  it('links the references people read out to their page', () => {
    expect(referenceLink('Q-2026-000002')).toBe('/inquiries/Q-2026-000002');
    expect(referenceLink('FAQ-0123')).toBe('/knowledge/search?q=FAQ-0123');
    expect(referenceLink('agent')).toBeUndefined();
  });

  it('turns a day range into instants that include the whole last day', () => {
    const { from, to } = dayRangeToInstants('2020-03-16', '2020-03-16');
    expect(new Date(to!).getTime() - new Date(from!).getTime()).toBe(24 * 3600 * 1000);
    expect(dayRangeToInstants(null, 'not a day')).toEqual({});
  });
});
