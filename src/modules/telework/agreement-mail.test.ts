import { describe, expect, it } from 'vitest';
import { noticeMail, noticesOf } from './agreement-mail.js';

const base = { personId: 'emp', managerId: 'boss', actorId: 'emp' };

describe('who hears of a step', () => {
  it('tells the manager of a request, both parties of a text to sign, the employee of the decision', () => {
    expect(noticesOf({ ...base, kind: 'requested', status: 'requested' })).toEqual([
      { to: 'boss', key: 'to_decide' },
    ]);
    expect(
      noticesOf({ ...base, actorId: 'boss', kind: 'approved_by_manager', status: 'awaiting_signatures' }),
    ).toEqual([{ to: 'emp', key: 'to_sign' }]);
    expect(
      noticesOf({ ...base, actorId: 'hr', kind: 'approved_by_hr', status: 'awaiting_signatures' }),
    ).toEqual([
      { to: 'emp', key: 'to_sign' },
      { to: 'boss', key: 'to_sign' },
    ]);
    expect(noticesOf({ ...base, actorId: 'boss', kind: 'approved_by_manager', status: 'approved' })).toEqual([
      { to: 'emp', key: 'approved' },
    ]);
    expect(noticesOf({ ...base, actorId: 'boss', kind: 'refused', status: 'refused' })).toEqual([
      { to: 'emp', key: 'refused' },
    ]);
    expect(noticesOf({ ...base, actorId: 'boss', kind: 'signed_by_employer', status: 'approved' })).toEqual([
      { to: 'emp', key: 'approved' },
    ]);
  });
  it('tells nobody of their own step, nor of a request waiting for HR', () => {
    expect(noticesOf({ ...base, kind: 'signed_by_employee', status: 'approved' })).toEqual([]);
    expect(
      noticesOf({ ...base, actorId: 'boss', kind: 'approved_by_manager', status: 'awaiting_hr' }),
    ).toEqual([]);
    expect(noticesOf({ ...base, managerId: null, kind: 'requested', status: 'requested' })).toEqual([]);
  });
});

it('writes the mail in the reader’s language, with the link and the reason', () => {
  const mail = noticeMail('nl', 'refused', {
    id: 'TW-1',
    person: 'Emma',
    link: 'https://relais/x',
    reason: 'Te veel',
  });
  expect(mail.subject).toContain('TW-1');
  expect(mail.text).toContain('Te veel');
  expect(mail.text).toContain('https://relais/x');
});
