import { type Static, Type } from 'typebox';
import { ChangeKind, Instant, Nullable } from './vocabulary.js';

/** A published change of the feed the funds acknowledge. */
export const ChangeItem = Type.Object({
  seq: Type.Integer({ description: "the change's place in the feed" }),
  ref: Type.String(),
  version: Type.Integer(),
  kind: ChangeKind,
  at: Instant,
  questionFr: Type.String(),
  questionNl: Type.String(),
  fields: Type.Array(Type.String(), {
    description:
      'the parts of the entry this version changed (question_fr, valid_to, …); empty for a new entry',
  }),
  comment: Nullable(Type.String()),
});
export type ChangeItem = Static<typeof ChangeItem>;

export const ChangesQuery = Type.Object(
  {
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const AcknowledgeRequest = Type.Object(
  {
    upTo: Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'acknowledge every pending change up to this seq',
    }),
  },
  { additionalProperties: false },
);
export const Acknowledged = Type.Object({
  acknowledged: Type.Integer({ description: 'how many changes were acknowledged' }),
});

export const AcknowledgementBoardQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 30 })) },
  { additionalProperties: false },
);

/** Per change, which funds acknowledged and when; per fund, how far behind it is. */
export const AcknowledgementBoard = Type.Object({
  funds: Type.Array(
    Type.Object({
      code: Type.String(),
      nameFr: Type.String(),
      nameNl: Type.String(),
      pending: Type.Integer(),
      oldestPendingAt: Nullable(Instant),
      lastAckAt: Nullable(Instant),
    }),
  ),
  changes: Type.Array(
    Type.Object({
      ...ChangeItem.properties,
      acknowledgedBy: Type.Array(Type.Object({ code: Type.String(), at: Instant })),
      missing: Type.Array(Type.String(), { description: 'the funds that have not acknowledged it' }),
    }),
  ),
});
export type AcknowledgementBoard = Static<typeof AcknowledgementBoard>;
