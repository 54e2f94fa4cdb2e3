import { type Static, type TSchema, type TUnsafe, Type } from 'typebox';

// What every route's wire format shares, as the server validates it and the web app reads it:
// the scalar formats, the list shapes and the problem document. A contract: TypeBox only, no
// implementation (the `date` and `date-time` checks behind the formats live in validation.ts).

/** A value or null (a field that can be cleared, or that is empty on this record). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

/** A NISS/INSZ as written (`85.07.30-033.28` or 11 digits), check digits verified. */
export const Niss = Type.String({ format: 'niss', maxLength: 20, example: '85.07.30-033.28' });
/** A BCE/KBO enterprise number as written (`0403.170.701` or 10 digits), check digits verified. */
export const EnterpriseNumber = Type.String({
  format: 'enterprise-number',
  maxLength: 16,
  example: '0403.170.701',
});
/** A calendar day, `YYYY-MM-DD`: a real day from 1900-01-01 to 2199-12-31 (calendar-range.ts). */
export const IsoDate = Type.String({ format: 'date', example: '2020-03-18' });
/** A UTC instant, RFC 3339, on a day of the same range. */
export const Instant = Type.String({ format: 'date-time' });
export const Language = Type.Enum(['fr', 'nl', 'en']);
export const ContentLanguage = Type.Enum(['fr', 'nl']);

/** The paging of every list route, to spread into its query: `{ ...Pagination, status }`. */
export const Pagination = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};
/** A list route's query when paging is all it takes. */
export const ListQuery = Type.Object(Pagination);
export type ListQuery = Static<typeof ListQuery>;

/** A page of items with the total, the shape of every list answer. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });
/** A page of `Item`s, for a client that holds the item's type rather than its schema. */
export type Page<Item> = Static<ReturnType<typeof Page<TUnsafe<Item>>>>;

/** One field's problem in a problem document: which input, the stable code, the sentence. */
export const FieldProblem = Type.Object({
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type FieldProblem = Static<typeof FieldProblem>;

/** The RFC 9457 problem document every error answer is, with Relais' stable `code`. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    /** How many errors were left out of `errors` (a list is cut at 50). */
    omittedErrors: Type.Optional(Type.Integer()),
    errors: Type.Optional(Type.Array(FieldProblem)),
  },
  { additionalProperties: true, $id: undefined },
);
