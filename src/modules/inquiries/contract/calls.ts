import { type Static, Type } from 'typebox';
import { ExportFormatParam, Instant, IsoDate, Nullable } from './platform-schemas.js';

// The telephony's call-detail records (one row per call reaching a line) and the call center's
// figures computed from them. The record is the telephony's, in the shape of
// demo/callcenter/calls-2020.csv; Relais never changes it, it only links it to the inquiry logged.

export const CALL_OUTCOMES = ['answered', 'abandoned'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

/** How the figures are grouped: by day, by hour of the day (Europe/Brussels), by line, by language. */
export const CALL_GROUPINGS = ['day', 'hour', 'line', 'language'] as const;
export type CallGrouping = (typeof CALL_GROUPINGS)[number];

/** A push from the telephony may hold at most this many records; a larger one is refused whole. */
export const CALL_BATCH_MAX = 5000;

export const CallId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$', maxLength: 64 });

export const CallRecord = Type.Object(
  {
    call_id: CallId,
    line: Type.Integer({ minimum: 1, maximum: 99 }),
    caller_language: Type.Enum([...CALL_LANGUAGES]),
    received_at: Instant,
    answered_at: Type.Optional(Nullable(Instant)),
    ended_at: Instant,
    outcome: Type.Enum([...CALL_OUTCOMES]),
  },
  { additionalProperties: false },
);
export type CallRecord = Static<typeof CallRecord>;

export const CallBatch = Type.Object(
  { records: Type.Array(CallRecord, { minItems: 1, maxItems: CALL_BATCH_MAX }) },
  { additionalProperties: false },
);
/** What a push or an import did: records already known (same call_id) are skipped, never doubled. */
export const CallBatchResult = Type.Object({
  received: Type.Integer(),
  inserted: Type.Integer(),
  already_known: Type.Integer(),
  linked: Type.Integer({ description: 'records linked to the inquiry an agent logged on that line then' }),
});

export const CallStatsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    by: Type.Optional(Type.Enum([...CALL_GROUPINGS], { description: '`day` unless given' })),
    line: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
    format: ExportFormatParam,
  },
  { additionalProperties: false },
);
const CallFigures = {
  received: Type.Integer(),
  answered: Type.Integer(),
  abandoned: Type.Integer(),
  /** The answered calls' wait from arrival to answer, in seconds: mean and 90th percentile. */
  avg_wait_s: Nullable(Type.Number()),
  p90_wait_s: Nullable(Type.Number()),
  /** Share of the received calls answered within `service_level_seconds`; null with none received. */
  service_level: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
};
export const CallStatsView = Type.Object({
  from: IsoDate,
  to: IsoDate,
  by: Type.Enum([...CALL_GROUPINGS]),
  service_level_seconds: Type.Integer(),
  totals: Type.Object(CallFigures),
  /**
   * One row per key: `YYYY-MM-DD` (every day of the period, the quiet ones too), `HH` (08 … 17,
   * Brussels time, every hour that had a call), the line number, or the caller's language.
   */
  rows: Type.Array(Type.Object({ key: Type.String(), ...CallFigures })),
});
export type CallStats = Static<typeof CallStatsView>;

/** The console names the call it is logging (the telephony shows its id): the inquiry links to it. */
export const CallLink = Type.Object({ call_id: CallId }, { additionalProperties: false });
export const CallLinkView = Type.Object({
  call_id: CallId,
  inquiry_ref: Type.String(),
  received_at: Instant,
});
