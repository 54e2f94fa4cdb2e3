import { CALL_LANGUAGES, CALL_OUTCOMES } from '../contract.js';
import type { InquiryTables } from '../tables.js';
import { brusselsDayAndHour } from './brussels-clock.js';

// One call-detail record checked, without a database: a CSV row of the telephony's export and a
// record pushed through the API go through the same rule, so a file and a push can never disagree
// on what a good call is. What the figures group by (the Brussels day and hour, the wait) is
// computed here once, not at every read.

/** The columns of a call file, in this order (the header of demo/callcenter/calls-2020.csv). */
export const CALL_COLUMNS = [
  'call_id',
  'line',
  'caller_language',
  'received_at',
  'answered_at',
  'ended_at',
  'outcome',
] as const;
export type CallColumn = (typeof CALL_COLUMNS)[number];

/** A call as the telephony writes it: every value as text, an empty answered_at for none. */
export type RawCall = Record<CallColumn, string>;

/** A checked call, ready to store: its table's row before any link. Instants are UTC ISO-8601. */
export type CallRow = Omit<InquiryTables['inquiry_call_record'], 'inquiry_id' | 'imported_at'>;

export type CallProblem = { column: CallColumn; code: string; params?: Record<string, unknown> };

const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const LINE = /^[0-9]{1,2}$/;
// RFC 3339 with its offset: the telephony writes Brussels time (+01:00/+02:00), a push may send Z.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/** Milliseconds since the epoch of an RFC 3339 instant, or undefined (a 30 February, an hour 24). */
export function parseInstant(text: string): number | undefined {
  // Computed from the parts, not with Date.parse: an import reads three instants a call.
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const fraction = match[7] ? Math.round(Number(`0${match[7]}`) * 1000) : 0;
  const offsetHours = match[9] ? Number(match[9]) : 0;
  const offsetMinutes = match[10] ? Number(match[10]) : 0;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return undefined;
  const offsetMs = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMs;
}

const ORDER_CODE = 'inquiries.calls.out_of_order';

/** The call checked and completed, or every problem found on it (each naming its column). */
export function checkCall(
  raw: RawCall,
): { row: CallRow; problems: [] } | { row?: never; problems: CallProblem[] } {
  const problems: CallProblem[] = [];
  const callId = raw.call_id.trim();
  if (!CALL_ID.test(callId)) problems.push({ column: 'call_id', code: 'inquiries.calls.bad_call_id' });
  const lineText = raw.line.trim();
  const line = Number(lineText);
  if (!LINE.test(lineText) || line < 1)
    problems.push({ column: 'line', code: 'inquiries.calls.bad_line', params: { max: 99 } });
  const language = raw.caller_language.trim();
  if (!(CALL_LANGUAGES as readonly string[]).includes(language))
    problems.push({
      column: 'caller_language',
      code: 'validation.enum',
      params: { allowed: CALL_LANGUAGES.join(', ') },
    });
  const outcome = raw.outcome.trim();
  if (!(CALL_OUTCOMES as readonly string[]).includes(outcome))
    problems.push({
      column: 'outcome',
      code: 'validation.enum',
      params: { allowed: CALL_OUTCOMES.join(', ') },
    });

  const instantOf = (column: 'received_at' | 'answered_at' | 'ended_at') => {
    const text = raw[column].trim();
    if (text === '') return null;
    const ms = parseInstant(text);
    if (ms === undefined)
      problems.push({ column, code: 'inquiries.calls.bad_instant', params: { value: text.slice(0, 40) } });
    return ms;
  };
  const received = instantOf('received_at');
  const answered = instantOf('answered_at');
  const ended = instantOf('ended_at');
  if (received === null) problems.push({ column: 'received_at', code: 'validation.required' });
  if (ended === null) problems.push({ column: 'ended_at', code: 'validation.required' });
  if (outcome === 'answered' && answered === null)
    problems.push({ column: 'answered_at', code: 'inquiries.calls.answered_without_time' });
  if (outcome === 'abandoned' && answered !== null)
    problems.push({ column: 'answered_at', code: 'inquiries.calls.abandoned_with_time' });
  // received ≤ answered ≤ ended, each compared when both are readable.
  if (typeof received === 'number' && typeof answered === 'number' && answered < received)
    problems.push({ column: 'answered_at', code: ORDER_CODE, params: { before: 'received_at' } });
  const lastBeforeEnd = typeof answered === 'number' ? answered : received;
  if (typeof lastBeforeEnd === 'number' && typeof ended === 'number' && ended < lastBeforeEnd)
    problems.push({
      column: 'ended_at',
      code: ORDER_CODE,
      params: { before: typeof answered === 'number' ? 'answered_at' : 'received_at' },
    });
  if (problems.length > 0) return { problems };

  const receivedMs = received as number;
  const answeredMs = typeof answered === 'number' ? answered : null;
  const { day, hour } = brusselsDayAndHour(receivedMs);
  return {
    problems: [],
    row: {
      call_id: callId,
      line,
      caller_language: language,
      received_at: new Date(receivedMs).toISOString(),
      answered_at: answeredMs === null ? null : new Date(answeredMs).toISOString(),
      ended_at: new Date(ended as number).toISOString(),
      outcome,
      wait_s: answeredMs === null ? null : Math.round((answeredMs - receivedMs) / 1000),
      received_day: day,
      received_hour: hour,
    },
  };
}
