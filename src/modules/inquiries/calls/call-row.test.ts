import { describe, expect, it } from 'vitest';
import { checkCall, parseInstant, type RawCall } from './call-row.js';

const call = (overrides: Partial<RawCall> = {}): RawCall => ({
  call_id: 'C20-000001',
  line: '3',
  caller_language: 'nl',
  received_at: '2020-03-16T08:00:28+01:00',
  answered_at: '2020-03-16T08:14:45+01:00',
  ended_at: '2020-03-16T08:22:02+01:00',
  outcome: 'answered',
  ...overrides,
});
const columnsOf = (raw: RawCall) => checkCall(raw).problems.map((p) => `${p.column} ${p.code}`);

describe('checkCall', () => {
  it('stores an answered call in UTC with its wait and its Brussels day and hour', () => {
    expect(checkCall(call()).row).toEqual({
      call_id: 'C20-000001',
      line: 3,
      caller_language: 'nl',
      received_at: '2020-03-16T07:00:28.000Z',
      answered_at: '2020-03-16T07:14:45.000Z',
      ended_at: '2020-03-16T07:22:02.000Z',
      outcome: 'answered',
      wait_s: 857,
      received_day: '2020-03-16',
      received_hour: 8,
    });
  });

  it('stores an abandoned call without a wait', () => {
    const row = checkCall(call({ answered_at: '', outcome: 'abandoned' })).row;
    expect(row).toMatchObject({ answered_at: null, wait_s: null, outcome: 'abandoned' });
  });

  it('refuses an answered call without answered_at, and an abandoned one with it', () => {
    expect(columnsOf(call({ answered_at: '' }))).toEqual([
      'answered_at inquiries.calls.answered_without_time',
    ]);
    expect(columnsOf(call({ outcome: 'abandoned' }))).toEqual([
      'answered_at inquiries.calls.abandoned_with_time',
    ]);
  });

  it('refuses times out of order: answered before received, ended before answered', () => {
    expect(columnsOf(call({ answered_at: '2020-03-16T07:59:00+01:00' }))).toEqual([
      'answered_at inquiries.calls.out_of_order',
    ]);
    expect(columnsOf(call({ ended_at: '2020-03-16T08:10:00+01:00' }))).toEqual([
      'ended_at inquiries.calls.out_of_order',
    ]);
    expect(
      columnsOf(call({ answered_at: '', outcome: 'abandoned', ended_at: '2020-03-16T07:00:00+01:00' })),
    ).toEqual(['ended_at inquiries.calls.out_of_order']);
  });

  it('names each bad column: language, outcome, line, call id, date', () => {
    expect(
      columnsOf(
        call({
          caller_language: 'xx',
          outcome: 'lost',
          line: '0',
          call_id: ' ',
          received_at: '2020-02-30T08:00:00Z',
        }),
      ),
    ).toEqual([
      'call_id inquiries.calls.bad_call_id',
      'line inquiries.calls.bad_line',
      'caller_language validation.enum',
      'outcome validation.enum',
      'received_at inquiries.calls.bad_instant',
    ]);
    expect(columnsOf(call({ line: '-2' }))).toEqual(['line inquiries.calls.bad_line']);
    expect(columnsOf(call({ line: '2.5' }))).toEqual(['line inquiries.calls.bad_line']);
  });

  it('requires when the call came and ended', () => {
    expect(columnsOf(call({ received_at: '', answered_at: '', outcome: 'abandoned' }))).toEqual([
      'received_at validation.required',
    ]);
    expect(columnsOf(call({ ended_at: '' }))).toEqual(['ended_at validation.required']);
  });
});

describe('parseInstant', () => {
  it('reads an offset or Z, and refuses a day or hour that does not exist', () => {
    expect(parseInstant('2020-03-18T09:15:00+01:00')).toBe(Date.parse('2020-03-18T08:15:00Z'));
    expect(parseInstant('2020-03-18T08:15:00.5Z')).toBe(Date.parse('2020-03-18T08:15:00.500Z'));
    expect(parseInstant('2020-03-18 09:15:00')).toBeUndefined();
    expect(parseInstant('2020-03-18T09:15:00')).toBeUndefined();
    expect(parseInstant('2021-02-29T09:15:00Z')).toBeUndefined();
    expect(parseInstant('2020-03-18T24:00:00Z')).toBeUndefined();
  });
});
