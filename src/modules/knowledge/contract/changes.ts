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
  theme: Type.String({ description: "the theme's code of the version the change made" }),
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

/** What narrows a fund's pending changes: a theme (its code), a kind of change. */
const PendingFilterFields = {
  theme: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: "a theme's code" })),
  kind: Type.Optional(ChangeKind),
};

export const PendingChangesQuery = Type.Object(
  {
    ...PendingFilterFields,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type PendingChangesQuery = Static<typeof PendingChangesQuery>;

/** A page of what a fund has still to acknowledge, oldest first, and where the whole of it ends. */
export const PendingChanges = Type.Object({
  items: Type.Array(ChangeItem),
  total: Type.Integer({ description: 'the pending changes the filter keeps' }),
  latestSeq: Nullable(
    Type.Integer({
      description: 'the newest change the filter keeps: acknowledge up to it to catch up at once',
    }),
  ),
  allPending: Type.Integer({ description: 'every pending change of the fund, whatever the filter' }),
});
export type PendingChanges = Static<typeof PendingChanges>;

export const AcknowledgeRequest = Type.Object(
  {
    upTo: Type.Integer({
      minimum: 1,
      maximum: 2_147_483_647,
      description: 'acknowledge every pending change up to this seq (the filter narrows which)',
    }),
    ...PendingFilterFields,
  },
  { additionalProperties: false },
);
export type AcknowledgeRequest = Static<typeof AcknowledgeRequest>;
export const Acknowledged = Type.Object({
  acknowledged: Type.Integer({ description: 'how many changes were acknowledged (0 when already done)' }),
});

export const AcknowledgementBoardQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 30 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

/**
 * Per fund, how far behind it is (the most behind first); per change of the page, newest first,
 * which funds acknowledged it and when.
 */
export const AcknowledgementBoard = Type.Object({
  changesTotal: Type.Integer({ description: 'every change the funds acknowledge, for paging' }),
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
