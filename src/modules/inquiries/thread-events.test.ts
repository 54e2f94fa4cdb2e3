import { describe, expect, it } from 'vitest';
import { buildThreadEvents, type ThreadSources } from './thread-events.js';

const none: ThreadSources = { statusChanges: [], callbackAttempts: [], mails: [], events: [] };
const personOf = (id: string | null) => (id ? { id, name: id.toUpperCase() } : null);
const T = (minute: number) => `2026-12-07T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('buildThreadEvents', () => {
  it('tells the story in time order, with who did each thing', () => {
    const events = buildThreadEvents(
      {
        ...none,
        statusChanges: [
          { from_status: null, to_status: 'new', at: T(0), actor_id: 'ann', note: null },
          { from_status: 'callback_pending', to_status: 'closed', at: T(9), actor_id: 'ann', note: null },
        ],
        callbackAttempts: [
          { agent_id: 'bob', outcome: 'no_answer', note: 'Pas de tonalité.', at: T(5) },
          { agent_id: 'ann', outcome: 'reached', note: null, at: T(9) },
        ],
      },
      personOf,
    );
    expect(events.map((e) => [e.kind, e.at, e.actor?.name])).toEqual([
      ['status_changed', T(0), 'ANN'],
      ['callback_attempt', T(5), 'BOB'],
      // The call and the closing it led to share their instant: the call comes first.
      ['callback_attempt', T(9), 'ANN'],
      ['status_changed', T(9), 'ANN'],
    ]);
    expect(events[1]).toMatchObject({ outcome: 'no_answer', note: 'Pas de tonalité.' });
  });

  it('places a sent mail when it went, a queued or failed one when it was written', () => {
    const events = buildThreadEvents(
      {
        ...none,
        mails: [
          { author_id: 'ann', created_at: T(1), status: 'sent', sent_at: T(7) },
          { author_id: 'ann', created_at: T(3), status: 'failed', sent_at: null },
        ],
      },
      personOf,
    );
    expect(events.map((e) => [e.mail_status, e.at])).toEqual([
      ['failed', T(3)],
      ['sent', T(7)],
    ]);
  });

  it('shows the FAQ entry an answer came from and the draft proposed, with its theme', () => {
    const events = buildThreadEvents(
      {
        ...none,
        events: [
          {
            kind: 'faq_linked',
            actor_id: 'ann',
            at: T(1),
            entry_ref: 'FAQ-0012',
            entry_version: 3,
            theme: null,
          },
          {
            kind: 'faq_proposed',
            actor_id: 'eve',
            at: T(2),
            entry_ref: 'FAQ-0200',
            entry_version: null,
            theme: 'tva',
          },
          {
            kind: 'something_new',
            actor_id: null,
            at: T(3),
            entry_ref: null,
            entry_version: null,
            theme: null,
          },
        ],
      },
      personOf,
    );
    expect(events).toEqual([
      {
        kind: 'faq_linked',
        at: T(1),
        actor: { id: 'ann', name: 'ANN' },
        entry_ref: 'FAQ-0012',
        entry_version: 3,
      },
      {
        kind: 'faq_proposed',
        at: T(2),
        actor: { id: 'eve', name: 'EVE' },
        entry_ref: 'FAQ-0200',
        theme: 'tva',
      },
    ]);
  });
});
