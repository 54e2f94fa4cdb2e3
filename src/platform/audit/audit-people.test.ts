import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { json } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { personIdsOf } from './audit-people.js';
import type { AuditEntry } from './contract.js';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: '2026-03-16T09:00:00.000Z',
  actorId: null,
  actorUsername: null,
  action: 'inquiries.reassigned',
  objectType: 'inquiry',
  objectId: null,
  summary: {},
  ip: null,
  requestId: null,
  ...overrides,
});

describe('audit: the people an entry names', () => {
  it('are its actor, the person it is about and the person work was handed to', () => {
    const assignee = '3f1c6a52-8f0e-4a8e-9d5b-2b7c1d0e9f11';
    expect(personIdsOf(entry({ actorId: 'a', summary: { assignee, ref: 'Q-2026-000001' } }))).toEqual([
      'a',
      assignee,
    ]);
    expect(personIdsOf(entry({ objectType: 'person', objectId: 'p' }))).toEqual(['p']);
    // A value that only looks like a field of a person is not taken for one.
    expect(personIdsOf(entry({ summary: { assignee: null, person: 'not an id' } }))).toEqual([]);
  });
});

describe.each(DIALECTS)('%s: the audit log names people', (dialect) => {
  const t = withApp(dialect, { as: { admin: { name: 'Ada Admin', roles: ['admin'] } } });

  it('gives the name of who acted beside their id', async () => {
    const page = json(await t.send(t.people.admin, 'GET', '/api/v1/audit?action=auth.login&limit=5'));
    const mine = page.items.find((e: AuditEntry) => e.actorId === t.people.admin.id);
    expect(mine.people).toEqual({ [t.people.admin.id]: 'Ada Admin' });
  });
});
