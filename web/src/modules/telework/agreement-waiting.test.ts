import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../../../src/modules/telework/contract.js';
import { isWaitingFor } from './agreement-waiting.js';

const signature = { personId: 'x', name: 'X', at: '2027-01-01T10:00:00Z' };
const agreement = (overrides: Partial<Agreement>) =>
  ({
    personId: 'emma',
    managerId: 'marc',
    status: 'requested',
    employeeSignature: null,
    employerSignature: null,
    ...overrides,
  }) as Agreement;
const marc = { id: 'marc', isHr: false };
const hr = { id: 'hilde', isHr: true };
const emma = { id: 'emma', isHr: false };

describe('what waits for the reader', () => {
  it('puts a request before its manager, not before HR or the employee', () => {
    expect(isWaitingFor(agreement({}), marc)).toBe(true);
    expect(isWaitingFor(agreement({}), hr)).toBe(false);
    expect(isWaitingFor(agreement({}), emma)).toBe(false);
  });

  it('puts an agreement awaiting HR before HR only', () => {
    expect(isWaitingFor(agreement({ status: 'awaiting_hr' }), hr)).toBe(true);
    expect(isWaitingFor(agreement({ status: 'awaiting_hr' }), marc)).toBe(false);
  });

  it('waits for each party’s signature until they signed', () => {
    const unsigned = agreement({ status: 'awaiting_signatures' });
    expect(isWaitingFor(unsigned, marc)).toBe(true);
    expect(isWaitingFor(unsigned, emma)).toBe(true);
    const employerSigned = agreement({ status: 'awaiting_signatures', employerSignature: signature });
    expect(isWaitingFor(employerSigned, marc)).toBe(false);
    expect(isWaitingFor(employerSigned, emma)).toBe(true);
  });

  it('waits for nobody once approved, refused or withdrawn', () => {
    for (const status of ['approved', 'refused', 'withdrawn'] as const)
      expect(isWaitingFor(agreement({ status }), marc)).toBe(false);
  });
});
