import { describe, expect, it } from 'vitest';
import { checkReceipt, MAX_RECEIPT_BYTES, receiptTypeOf } from './request-receipt-rules.js';
import {
  ageInDays,
  bucketOf,
  contributionProblems,
  initialStatus,
  itemRequestProblems,
  periodStart,
  requestActions,
  stepsOf,
} from './request-rules.js';

const profile = [
  { type: 'laptop' as const, mode: 'default' as const },
  { type: 'chair' as const, mode: 'on_request' as const },
];

describe('equipment request rules', () => {
  it('refuses a type outside the profile and a home delivery without address', () => {
    expect(
      itemRequestProblems({ type: 'laptop', delivery: 'site', address: undefined, profileItems: profile }),
    ).toEqual([]);
    expect(
      itemRequestProblems({ type: 'phone', delivery: 'home', address: ' ', profileItems: profile }).map(
        (p) => p.field,
      ),
    ).toEqual(['type', 'address']);
    expect(
      itemRequestProblems({ type: 'laptop', delivery: 'site', address: undefined, profileItems: null })[0]
        ?.field,
    ).toBe('type');
  });

  it('starts with the manager only where the policy asks it', () => {
    expect(initialStatus(false)).toBe('open');
    expect(initialStatus(true)).toBe('awaiting_approval');
  });

  it('keeps contributions within the cap over the period', () => {
    const base = { type: 'chair' as const, capCents: 15000, periodMonths: 24, profileItems: profile };
    expect(contributionProblems({ ...base, amount: 15000, alreadyCents: 0 })).toEqual([]);
    expect(contributionProblems({ ...base, amount: 5001, alreadyCents: 10000 })[0]).toMatchObject({
      field: 'amount',
      params: { left: 5000 },
    });
    expect(contributionProblems({ ...base, capCents: null, amount: 1, alreadyCents: 0 })[0]?.field).toBe(
      'type',
    );
    expect(periodStart('2026-12-07', 24)).toBe('2024-12-07');
    expect(periodStart('2026-03-31', 1)).toBe('2026-02-28');
  });

  it('shows the steps done, current and to come, and where a request stopped', () => {
    expect(stepsOf('item', 'reserved', false).map((s) => s.state)).toEqual([
      'done',
      'current',
      'todo',
      'todo',
      'todo',
    ]);
    expect(stepsOf('contribution', 'open', true)).toEqual([
      { status: 'awaiting_approval', state: 'done' },
      { status: 'open', state: 'current' },
      { status: 'paid', state: 'todo' },
    ]);
    expect(stepsOf('item', 'refused', true)).toEqual([
      { status: 'awaiting_approval', state: 'done' },
      { status: 'refused', state: 'stopped' },
    ]);
  });

  it('gives each viewer their actions', () => {
    const request = { kind: 'item' as const, status: 'awaiting_approval' as const, personId: 'p' };
    const person = { id: 'p', isIct: false, isAdmin: false, managesPerson: false };
    const manager = { id: 'm', isIct: false, isAdmin: false, managesPerson: true };
    const ict = { id: 'i', isIct: true, isAdmin: false, managesPerson: false };
    expect(requestActions(request, person)).toEqual(['cancel']);
    expect(requestActions(request, manager)).toEqual(['approve', 'refuse']);
    expect(requestActions({ ...request, status: 'open' }, ict)).toEqual(['cancel', 'reserve']);
    expect(requestActions({ ...request, status: 'shipped' }, person)).toEqual([]);
  });

  it('counts ages in days and buckets them', () => {
    expect(ageInDays('2026-12-01', '2026-12-07')).toBe(6);
    expect(bucketOf(0)).toBe('0-2');
    expect(bucketOf(6)).toBe('3-7');
    expect(bucketOf(45)).toBe('31+');
  });
});

describe('contribution receipts', () => {
  it('accepts PDFs and images by their content, whatever they claim', () => {
    expect(receiptTypeOf(Buffer.from('%PDF-1.7 …'))).toBe('application/pdf');
    expect(receiptTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(receiptTypeOf(Buffer.from('MZ program'))).toBeNull();
    expect(checkReceipt(Buffer.from('<html>').toString('base64')).problem).toMatchObject({
      field: 'receipt',
    });
    expect(checkReceipt('not base64!').problem?.code).toBe('equipment.receipt.not_base64');
  });

  it('refuses a receipt above 5 MB', () => {
    const big = Buffer.alloc(MAX_RECEIPT_BYTES + 1);
    big.write('%PDF-');
    expect(checkReceipt(big.toString('base64')).problem?.code).toBe('equipment.receipt.too_large');
  });
});
