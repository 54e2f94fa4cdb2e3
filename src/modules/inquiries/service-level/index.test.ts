import { describe, expect, it } from 'vitest';
import { addBusinessTime, BRUSSELS_OFFICE_CALENDAR, inquiryDeadlines, PAUSING_STATUSES } from './index.js';

describe('the service-level module as the inquiries module sees it', () => {
  it('gives the deadline of a Friday-afternoon inquiry across the clock change', () => {
    // Friday 27 March 2020, 16:00 winter time + 2 business hours = Monday 30 March, 09:00 summer time.
    const due = addBusinessTime(new Date('2020-03-27T16:00:00+01:00'), 120, BRUSSELS_OFFICE_CALENDAR);
    expect(due.toISOString()).toBe('2020-03-30T07:00:00.000Z');
  });

  it('reads the clocks of an expert team’s inquiry waiting on a partner fund over Easter', () => {
    // Created Thursday 9 April 2020 at 10:00; the partner fund is asked at 11:00 and answers on Tuesday
    // 14 April at 09:00 (Easter Monday in between). Read on Tuesday at 12:00 (summer time).
    const { firstAnswer, resolution } = inquiryDeadlines({
      serviceLevel: { firstAnswerMinutes: 8 * 60, resolutionMinutes: 40 * 60 },
      createdAt: '2020-04-09T08:00:00.000Z',
      history: [
        { status: 'escalated', at: '2020-04-09T08:30:00.000Z' },
        { status: 'waiting_partner', at: '2020-04-09T09:00:00.000Z' },
        { status: 'in_research', at: '2020-04-14T07:00:00.000Z' },
      ],
      now: '2020-04-14T10:00:00.000Z',
      calendar: BRUSSELS_OFFICE_CALENDAR,
    });
    expect(PAUSING_STATUSES.has('waiting_partner')).toBe(true);
    // Used: Thursday 10:00–11:00 and Tuesday 09:00–12:00 = 4 h. The clock restarted on Tuesday at 09:00
    // with 7 h left, so the first answer is due at 16:00.
    expect(firstAnswer).toMatchObject({
      state: 'on_track',
      usedMinutes: 240,
      dueAt: '2020-04-14T14:00:00.000Z',
    });
    // 39 h left from Tuesday 09:00: Tuesday 8, Wednesday 9, Thursday 9, Friday 9, Monday 20 April 08:00 + 4.
    expect(resolution).toMatchObject({
      state: 'on_track',
      usedMinutes: 240,
      dueAt: '2020-04-20T10:00:00.000Z',
    });
  });
});
