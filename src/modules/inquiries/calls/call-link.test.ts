import { describe, expect, it } from 'vitest';
import {
  decideCallLink,
  fitsCall,
  type MatchableCall,
  type MatchableInquiry,
  matchCalls,
} from './call-link.js';

const phone = { id: 'q1', channel: 'phone' };
const answered = { outcome: 'answered', inquiry_id: null };

describe('decideCallLink', () => {
  it('links an answered call to the phone inquiry the agent logged', () => {
    expect(decideCallLink(answered, phone)).toEqual({ kind: 'link' });
  });

  it('changes nothing when the call already names that inquiry', () => {
    expect(decideCallLink({ ...answered, inquiry_id: 'q1' }, phone)).toEqual({ kind: 'unchanged' });
  });

  it('refuses a call already linked to another inquiry', () => {
    expect(decideCallLink({ ...answered, inquiry_id: 'q2' }, phone)).toMatchObject({
      code: 'inquiries.calls.linked_elsewhere',
    });
  });

  it('refuses an abandoned call: nobody took it, so nobody logged it', () => {
    expect(decideCallLink({ outcome: 'abandoned', inquiry_id: null }, phone)).toMatchObject({
      code: 'inquiries.calls.not_answered',
    });
  });

  it('refuses an inquiry that did not come by phone', () => {
    expect(decideCallLink(answered, { id: 'q1', channel: 'email' })).toMatchObject({
      code: 'inquiries.calls.not_a_phone_inquiry',
    });
  });
});

describe('matchCalls: a call links by line and time', () => {
  const call = (id: string, overrides: Partial<MatchableCall> = {}): MatchableCall => ({
    call_id: id,
    line: 3,
    outcome: 'answered',
    answered_at: '2020-03-18T08:00:00.000Z',
    ended_at: '2020-03-18T08:06:00.000Z',
    inquiry_id: null,
    ...overrides,
  });
  const inquiry = (id: string, createdAt: string, overrides: Partial<MatchableInquiry> = {}) => ({
    id,
    channel: 'phone',
    line: 3,
    created_at: createdAt,
    has_call: false,
    ...overrides,
  });

  it('links the one phone inquiry logged on the line during the call', () => {
    expect(matchCalls([call('c1')], [inquiry('q1', '2020-03-18T08:03:00.000Z')])).toEqual([
      { call_id: 'c1', inquiry_id: 'q1' },
    ]);
  });

  it('takes an inquiry logged up to ten minutes after the call ended, not later, nor before the answer', () => {
    expect(matchCalls([call('c1')], [inquiry('q1', '2020-03-18T08:16:00.000Z')])).toHaveLength(1);
    expect(matchCalls([call('c1')], [inquiry('q1', '2020-03-18T08:16:00.001Z')])).toEqual([]);
    expect(matchCalls([call('c1')], [inquiry('q1', '2020-03-18T07:59:59.999Z')])).toEqual([]);
    expect(matchCalls([call('c1')], [inquiry('q1', '2020-03-18T08:00:00.000Z')])).toHaveLength(1);
  });

  it('leaves a call that two inquiries fit unlinked', () => {
    expect(
      matchCalls(
        [call('c1')],
        [inquiry('q1', '2020-03-18T08:02:00.000Z'), inquiry('q2', '2020-03-18T08:04:00.000Z')],
      ),
    ).toEqual([]);
  });

  it('leaves an inquiry that two calls fit unlinked (back-to-back calls within the grace)', () => {
    const calls = [
      call('c1'),
      call('c2', { answered_at: '2020-03-18T08:07:00.000Z', ended_at: '2020-03-18T08:09:00.000Z' }),
    ];
    expect(matchCalls(calls, [inquiry('q1', '2020-03-18T08:08:00.000Z')])).toEqual([]);
  });

  it('links nothing on another line, to a mail, to an inquiry with a call, or for a call not answered or already linked', () => {
    const at = '2020-03-18T08:03:00.000Z';
    expect(matchCalls([call('c1')], [inquiry('q1', at, { line: 4 })])).toEqual([]);
    expect(matchCalls([call('c1')], [inquiry('q1', at, { line: null })])).toEqual([]);
    expect(matchCalls([call('c1')], [inquiry('q1', at, { channel: 'email' })])).toEqual([]);
    expect(matchCalls([call('c1')], [inquiry('q1', at, { has_call: true })])).toEqual([]);
    expect(
      matchCalls([call('c1', { outcome: 'abandoned', answered_at: null })], [inquiry('q1', at)]),
    ).toEqual([]);
    expect(matchCalls([call('c1', { inquiry_id: 'q0' })], [inquiry('q1', at)])).toEqual([]);
  });

  it('does not count an inquiry that already has its call among the candidates', () => {
    expect(
      matchCalls(
        [call('c1')],
        [
          inquiry('q1', '2020-03-18T08:02:00.000Z', { has_call: true }),
          inquiry('q2', '2020-03-18T08:04:00.000Z'),
        ],
      ),
    ).toEqual([{ call_id: 'c1', inquiry_id: 'q2' }]);
  });

  it('links each of several calls on different lines to its own inquiry', () => {
    expect(
      matchCalls(
        [call('c1'), call('c2', { line: 5 })],
        [inquiry('q1', '2020-03-18T08:03:00.000Z'), inquiry('q2', '2020-03-18T08:04:00.000Z', { line: 5 })],
      ),
    ).toEqual([
      { call_id: 'c1', inquiry_id: 'q1' },
      { call_id: 'c2', inquiry_id: 'q2' },
    ]);
  });
});

describe('matchCalls agrees with fitsCall', () => {
  it('finds, for random calls and inquiries on three lines, exactly the pairs where each is the other’s only fit', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const base = Date.parse('2020-03-18T08:00:00.000Z');
    const minute = (m: number) => new Date(base + Math.round(m * 60_000)).toISOString();
    const calls: MatchableCall[] = Array.from({ length: 300 }, (_, i) => {
      const start = random() * 600;
      return {
        call_id: `c${i}`,
        line: 1 + Math.floor(random() * 3),
        outcome: random() < 0.8 ? 'answered' : 'abandoned',
        answered_at: minute(start),
        ended_at: minute(start + random() * 15),
        inquiry_id: random() < 0.1 ? 'elsewhere' : null,
      };
    });
    const inquiries: MatchableInquiry[] = Array.from({ length: 120 }, (_, i) => ({
      id: `q${i}`,
      channel: random() < 0.9 ? 'phone' : 'email',
      line: random() < 0.9 ? 1 + Math.floor(random() * 3) : null,
      created_at: minute(random() * 620),
      has_call: random() < 0.1,
    }));
    // The rule read plainly: every pair checked.
    const expected = calls.flatMap((call) => {
      const fits = inquiries.filter((inquiry) => fitsCall(call, inquiry));
      const [only] = fits;
      if (fits.length !== 1 || !only) return [];
      const rivals = calls.filter((other) => fitsCall(other, only));
      return rivals.length === 1 ? [{ call_id: call.call_id, inquiry_id: only.id }] : [];
    });
    expect(expected.length).toBeGreaterThan(5);
    expect(matchCalls(calls, inquiries)).toEqual(expected);
  });
});
