import { describe, expect, it } from 'vitest';
import { statusTimeline, trailingRunStart } from './status-timeline.js';

const ms = (iso: string) => Date.parse(iso);

describe('statusTimeline', () => {
  const created = ms('2021-03-01T08:00:00Z');

  it('starts as new at the creation and gives one span per change, up to the reading instant', () => {
    const spans = statusTimeline(
      created,
      [
        { status: 'escalated', at: '2021-03-01T09:00:00Z' },
        { status: 'waiting_partner', at: new Date('2021-03-01T10:00:00Z') },
      ],
      ms('2021-03-01T12:00:00Z'),
    );
    expect(spans).toEqual([
      { status: 'new', from: created, to: ms('2021-03-01T09:00:00Z') },
      { status: 'escalated', from: ms('2021-03-01T09:00:00Z'), to: ms('2021-03-01T10:00:00Z') },
      { status: 'waiting_partner', from: ms('2021-03-01T10:00:00Z'), to: ms('2021-03-01T12:00:00Z') },
    ]);
  });

  it('leaves out changes after the reading instant', () => {
    const spans = statusTimeline(
      created,
      [{ status: 'answered', at: '2021-03-02T09:00:00Z' }],
      ms('2021-03-01T12:00:00Z'),
    );
    expect(spans).toEqual([{ status: 'new', from: created, to: ms('2021-03-01T12:00:00Z') }]);
  });

  it('sorts the history, and counts a change stamped before the creation from the creation', () => {
    const spans = statusTimeline(
      created,
      [
        { status: 'in_research', at: '2021-03-01T10:00:00Z' },
        { status: 'escalated', at: '2021-03-01T07:59:00Z' },
      ],
      ms('2021-03-01T11:00:00Z'),
    );
    expect(spans.map((s) => [s.status, s.from, s.to])).toEqual([
      ['new', created, created],
      ['escalated', created, ms('2021-03-01T10:00:00Z')],
      ['in_research', ms('2021-03-01T10:00:00Z'), ms('2021-03-01T11:00:00Z')],
    ]);
  });

  it('refuses an instant it cannot read', () => {
    expect(() => statusTimeline(created, [{ status: 'closed', at: 'tomorrow' }], created)).toThrow(
      RangeError,
    );
  });
});

describe('trailingRunStart', () => {
  it('finds where the last run of matching statuses began', () => {
    const spans = statusTimeline(
      0,
      [
        { status: 'waiting_partner', at: new Date(10) },
        { status: 'in_research', at: new Date(20) },
        { status: 'waiting_partner', at: new Date(30) },
        { status: 'answered', at: new Date(40) },
      ],
      50,
    );
    const waiting = (s: string) => s === 'waiting_partner' || s === 'answered';
    expect(trailingRunStart(spans, waiting)).toBe(30);
    expect(trailingRunStart(spans, (s) => s === 'in_research')).toBeNull();
  });
});
