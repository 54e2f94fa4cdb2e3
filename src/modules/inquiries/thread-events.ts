import type { CallbackOutcome, Status, ThreadEventView } from './contract.js';

type Person = { id: string; name: string } | null;

/** What the tables hold of an inquiry's story, as read for one inquiry. */
export type ThreadSources = {
  statusChanges: readonly {
    from_status: string | null;
    to_status: string;
    at: string;
    actor_id: string | null;
    note: string | null;
  }[];
  callbackAttempts: readonly { agent_id: string | null; outcome: string; note: string | null; at: string }[];
  /** Messages that went out by mail, with the outbox's word on them. */
  mails: readonly {
    author_id: string | null;
    created_at: string;
    status: 'queued' | 'sent' | 'failed';
    sent_at: string | null;
  }[];
  events: readonly {
    kind: string;
    actor_id: string | null;
    at: string;
    entry_ref: string | null;
    entry_version: number | null;
    theme: string | null;
  }[];
};

/**
 * The inquiry's story beside its messages, oldest first: every status change with who made it and
 * why, every call made to reach the person with its outcome and note, every mail and whether it
 * went, and what the FAQ got from it. A sent mail counts when it went, not when it was written.
 */
export function buildThreadEvents(
  sources: ThreadSources,
  personOf: (id: string | null) => Person,
): ThreadEventView[] {
  const events: ThreadEventView[] = [
    ...sources.callbackAttempts.map(
      (attempt): ThreadEventView => ({
        kind: 'callback_attempt',
        at: attempt.at,
        actor: personOf(attempt.agent_id),
        outcome: attempt.outcome as CallbackOutcome,
        note: attempt.note,
      }),
    ),
    ...sources.mails.map(
      (mail): ThreadEventView => ({
        kind: 'mail',
        at: mail.status === 'sent' && mail.sent_at ? mail.sent_at : mail.created_at,
        actor: personOf(mail.author_id),
        mail_status: mail.status,
      }),
    ),
    ...sources.events.flatMap((event): ThreadEventView[] => {
      if (event.kind !== 'faq_linked' && event.kind !== 'faq_proposed') return [];
      return [
        {
          kind: event.kind,
          at: event.at,
          actor: personOf(event.actor_id),
          ...(event.entry_ref !== null && { entry_ref: event.entry_ref }),
          ...(event.entry_version !== null && { entry_version: event.entry_version }),
          ...(event.kind === 'faq_proposed' && { theme: event.theme }),
        },
      ];
    }),
    ...sources.statusChanges.map(
      (change): ThreadEventView => ({
        kind: 'status_changed',
        at: change.at,
        actor: personOf(change.actor_id),
        from_status: change.from_status as Status | null,
        to_status: change.to_status as Status,
        note: change.note,
      }),
    ),
  ];
  // Stable: what happened in one transaction keeps the order listed above, the status change last
  // (the call, then the closing it led to).
  return events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : a.i - b.i))
    .map(({ event }) => event);
}
