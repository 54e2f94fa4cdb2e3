import { type Static, type TInteger, Type } from 'typebox';
import { ExportFormatParam, IsoDate, Nullable } from './platform-schemas.js';
import { CHANNELS, INQUIRY_LANGUAGES, ORIGINS, STATUSES } from './vocabulary.js';

/**
 * What a figures file holds: the days by origin, the teams' service levels and response times, one
 * breakdown (origins, channels, themes, statuses), the backlog per team, the response times, or the
 * callbacks: every table the figures page shows.
 */
export const FIGURES_TABLES = [
  'days',
  'teams',
  'origins',
  'channels',
  'themes',
  'statuses',
  'backlog',
  'times',
  'callbacks',
] as const;
export type FiguresTable = (typeof FIGURES_TABLES)[number];

export const FiguresQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    format: ExportFormatParam,
    table: Type.Optional(
      Type.Union(
        FIGURES_TABLES.map((table) => Type.Literal(table)),
        { description: 'with `format`: the table to download (`days` unless given)' },
      ),
    ),
  },
  { additionalProperties: false },
);
/** Of the inquiries whose deadline is decided (met, or already overdue), how many were in time. */
const Attainment = Type.Object({
  measured: Type.Integer(),
  in_time: Type.Integer(),
  rate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
});
/** Durations from arrival, in calendar minutes: median and 90th percentile (nearest rank). */
const DurationSummary = Type.Object({
  count: Type.Integer(),
  median_minutes: Nullable(Type.Integer()),
  p90_minutes: Nullable(Type.Integer()),
});
const CountsOf = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Integer()])) as Record<K, TInteger>);
export const InquiryFiguresView = Type.Object({
  from: IsoDate,
  to: IsoDate,
  total: Type.Integer(),
  by_origin: CountsOf(ORIGINS),
  by_channel: CountsOf(CHANNELS),
  by_status: CountsOf(STATUSES),
  by_language: CountsOf(INQUIRY_LANGUAGES),
  /** The period's inquiries per team holding them, and how many of those are still open (its backlog). */
  by_team: Type.Array(
    Type.Object({
      code: Nullable(Type.String()),
      name_fr: Nullable(Type.String()),
      name_nl: Nullable(Type.String()),
      count: Type.Integer(),
      open: Type.Integer(),
    }),
  ),
  /** By the FAQ theme the inquiry was filed under (`code` null: no theme given), the most asked first. */
  by_theme: Type.Array(
    Type.Object({
      code: Nullable(Type.String()),
      name_fr: Nullable(Type.String()),
      name_nl: Nullable(Type.String()),
      count: Type.Integer(),
    }),
  ),
  /**
   * The callbacks the period's inquiries asked for, by status now (done, still pending, given up),
   * and of the pending ones how many are past their due time.
   */
  callbacks: Type.Object({
    done: Type.Integer(),
    pending: Type.Integer(),
    gave_up: Type.Integer(),
    overdue: Type.Integer(),
  }),
  /** Time to first answer and to closure of the period's inquiries, from their arrival. */
  times: Type.Object({ first_answer: DurationSummary, closure: DurationSummary }),
  /**
   * Per team holding inquiries of the period: its service-level attainment (its clock starts when
   * the inquiry reaches it and counts its business hours) and its inquiries' response times.
   */
  service_levels: Type.Array(
    Type.Object({
      code: Type.String(),
      name_fr: Type.String(),
      name_nl: Type.String(),
      count: Type.Integer(),
      first_answer: Attainment,
      resolution: Attainment,
      time_to_first_answer: DurationSummary,
      time_to_closure: DurationSummary,
    }),
  ),
  /** Every day of the period, the quiet ones too (a chart with gaps would hide them). */
  days: Type.Array(Type.Object({ day: IsoDate, total: Type.Integer(), by_origin: CountsOf(ORIGINS) })),
});
export type InquiryFigures = Static<typeof InquiryFiguresView>;
