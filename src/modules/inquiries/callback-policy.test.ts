import { describe, expect, it } from 'vitest';
import { afterAttempt, firstCallbackDue } from './callback-policy.js';

const now = new Date('2020-03-18T10:00:00Z');

describe('callback attempts', () => {
  it('is done once the person is reached', () => {
    expect(afterAttempt('reached', 1, now, false)).toEqual({ kind: 'done' });
    expect(afterAttempt('reached', 3, now, false)).toEqual({ kind: 'done' });
  });

  it('counts in the call center’s opening hours: an answer late on Friday is called back on Monday', () => {
    // Friday 20 March 2020, 16:30 in Brussels: half an hour that day, ninety minutes on Monday.
    expect(firstCallbackDue(new Date('2020-03-20T15:30:00Z'))).toEqual(new Date('2020-03-23T08:30:00Z'));
    // No answer on Friday 10 April 2020 at 16:00: Easter Monday is closed, so Tuesday 09:00.
    expect(afterAttempt('no_answer', 1, new Date('2020-04-10T14:00:00Z'), true)).toEqual({
      kind: 'retry',
      dueAt: new Date('2020-04-14T07:00:00Z'),
    });
  });

  it('tries again two hours later, then the next working day', () => {
    expect(afterAttempt('no_answer', 1, now, true)).toEqual({
      kind: 'retry',
      dueAt: new Date('2020-03-18T12:00:00Z'),
    });
    expect(afterAttempt('voicemail', 2, now, true)).toEqual({
      kind: 'retry',
      dueAt: new Date('2020-03-19T10:00:00Z'),
    });
  });

  it('after the last attempt sends the answer by mail, or by letter without an address', () => {
    expect(afterAttempt('no_answer', 3, now, true)).toEqual({ kind: 'give_up', fallback: 'mail' });
    expect(afterAttempt('voicemail', 3, now, false)).toEqual({ kind: 'give_up', fallback: 'letter' });
  });

  it('follows a policy of the institution', () => {
    const policy = { firstCallWithinMinutes: 60, maxAttempts: 2, retryDelaysMinutes: [30] };
    expect(afterAttempt('no_answer', 1, now, false, policy)).toEqual({
      kind: 'retry',
      dueAt: new Date('2020-03-18T10:30:00Z'),
    });
    expect(afterAttempt('no_answer', 2, now, false, policy)).toEqual({ kind: 'give_up', fallback: 'letter' });
  });
});
