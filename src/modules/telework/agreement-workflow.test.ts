import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  afterHrApproval,
  afterManagerApproval,
  canonicalText,
  digestOf,
  type WorkflowAgreement,
} from './agreement-workflow.js';

const base: WorkflowAgreement = {
  personId: 'emp',
  managerId: 'boss',
  regime: 'structural',
  status: 'requested',
  startDate: '2027-01-04',
  endDate: null,
  employeeSignedAt: null,
  employerSignedAt: null,
};
const employee = { id: 'emp', isHr: false };
const manager = { id: 'boss', isHr: false };
const hr = { id: 'hr', isHr: true };
const stranger = { id: 'x', isHr: false };
const today = '2026-12-07';

describe('after an approval', () => {
  it('goes to HR where the policy asks it, then to the signatures of a written agreement', () => {
    expect(afterManagerApproval('structural', true)).toBe('awaiting_hr');
    expect(afterManagerApproval('structural', false)).toBe('awaiting_signatures');
    expect(afterManagerApproval('occasional', false)).toBe('approved');
    expect(afterHrApproval('mixed')).toBe('awaiting_signatures');
    expect(afterHrApproval('occasional')).toBe('approved');
  });
});

describe('what each may do', () => {
  it('lets the manager decide a request and the employee withdraw it', () => {
    expect(actionsFor(base, manager, today)).toEqual(['approve', 'refuse']);
    expect(actionsFor(base, employee, today)).toEqual(['withdraw']);
    expect(actionsFor(base, stranger, today)).toEqual([]);
  });
  it('leaves the HR step to HR only', () => {
    const awaiting = { ...base, status: 'awaiting_hr' as const };
    expect(actionsFor(awaiting, manager, today)).toEqual([]);
    expect(actionsFor(awaiting, hr, today)).toEqual(['approve', 'refuse']);
  });
  it('never lets a manager decide their own request', () => {
    expect(actionsFor({ ...base, managerId: 'emp' }, employee, today)).toEqual(['withdraw']);
    expect(actionsFor({ ...base, personId: 'hr' }, hr, today)).toEqual(['withdraw']);
  });
  it('asks each party to sign once', () => {
    const toSign = { ...base, status: 'awaiting_signatures' as const };
    expect(actionsFor(toSign, employee, today)).toEqual(['sign']);
    expect(actionsFor(toSign, manager, today)).toEqual(['sign']);
    expect(actionsFor({ ...toSign, employeeSignedAt: 'x' }, employee, today)).toEqual([]);
    expect(actionsFor({ ...toSign, employerSignedAt: 'x' }, hr, today)).toEqual([]);
    expect(actionsFor(toSign, stranger, today)).toEqual([]);
  });
  it('lets either party end an approved agreement still running', () => {
    const approved = { ...base, status: 'approved' as const };
    expect(actionsFor(approved, employee, today)).toEqual(['end']);
    expect(actionsFor(approved, manager, today)).toEqual(['end']);
    expect(actionsFor({ ...approved, endDate: '2026-12-01' }, employee, today)).toEqual([]);
  });
});

it('digests the signed text whatever the order its clauses came in', () => {
  const text = {
    id: 'TW-1',
    person: { id: 'emp', name: 'Emma' },
    employer: { id: 'boss', name: 'Bruno' },
    regime: 'structural' as const,
    daysPerWeek: 1,
    weekdays: [{ day: 'mon' as const, part: 'day' as const }],
    monthlyDays: null,
    startDate: '2027-01-04',
    endDate: null,
    clauses: { reachableTo: '16:00', reachableFrom: '09:00', place: 'Home' },
  };
  const same = { ...text, clauses: { place: 'Home', reachableFrom: '09:00', reachableTo: '16:00' } };
  expect(canonicalText(text)).toBe(canonicalText(same));
  expect(digestOf(canonicalText(text))).toMatch(/^[0-9a-f]{64}$/);
  expect(digestOf(canonicalText({ ...text, daysPerWeek: 2 }))).not.toBe(digestOf(canonicalText(text)));
});
