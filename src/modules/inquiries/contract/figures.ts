import { type Static, type TInteger, Type } from 'typebox';
import { ExportFormatParam, IsoDate, Nullable } from './platform-schemas.js';
import { CHANNELS, INQUIRY_LANGUAGES, ORIGINS, STATUSES } from './vocabulary.js';

export const FiguresQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), format: ExportFormatParam },
  { additionalProperties: false },
);
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
  by_team: Type.Array(
    Type.Object({
      code: Nullable(Type.String()),
      name_fr: Nullable(Type.String()),
      name_nl: Nullable(Type.String()),
      count: Type.Integer(),
    }),
  ),
  /** Every day of the period, the quiet ones too (a chart with gaps would hide them). */
  days: Type.Array(Type.Object({ day: IsoDate, total: Type.Integer(), by_origin: CountsOf(ORIGINS) })),
});
export type InquiryFigures = Static<typeof InquiryFiguresView>;
