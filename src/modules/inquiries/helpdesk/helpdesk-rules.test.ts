import { describe, expect, it } from 'vitest';
import { canSeeInquiry, type InquiryCaller } from '../caller.js';
import { monthsBetween } from './figures.js';

const caller = (overrides: Partial<InquiryCaller>): InquiryCaller => ({
  actor: { id: 'p1', username: 'someone' },
  partnerId: null,
  seesPersonalData: false,
  kind: 'citizen',
  requesterId: null,
  ...overrides,
});
const ticket = { kind: 'helpdesk', partner_id: null, requester_person_id: 'emma' };
const citizens = { kind: 'citizen', partner_id: null, requester_person_id: null };

describe('who sees which inquiry', () => {
  it('keeps the call center to citizens’ inquiries and the helpdesk to its tickets', () => {
    expect(canSeeInquiry(caller({}), citizens)).toBe(true);
    expect(canSeeInquiry(caller({}), ticket)).toBe(false);
    expect(canSeeInquiry(caller({ kind: 'helpdesk' }), ticket)).toBe(true);
    expect(canSeeInquiry(caller({ kind: 'helpdesk' }), citizens)).toBe(false);
  });

  it('shows an employee their own tickets only', () => {
    expect(canSeeInquiry(caller({ kind: 'helpdesk', requesterId: 'emma' }), ticket)).toBe(true);
    expect(canSeeInquiry(caller({ kind: 'helpdesk', requesterId: 'carl' }), ticket)).toBe(false);
  });
});

describe('the months of a figures period', () => {
  it('lists every month touched, both ends included, across a new year', () => {
    expect(monthsBetween('2020-01-15', '2020-12-01')).toHaveLength(12);
    expect(monthsBetween('2019-11-30', '2020-02-01')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(monthsBetween('2020-03-01', '2020-03-31')).toEqual(['2020-03']);
  });
});
