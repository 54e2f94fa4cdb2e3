import { type Static, Type } from 'typebox';
import { ExportFormatParam } from '../exports/contract.js';
import { Page, Pagination } from '../http/contract.js';

// The audit log as the admin's screen and API clients read it. A contract: TypeBox and other
// contracts only; writing and searching the log are in audit.ts.

export const AuditEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  people: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description: 'The names of the people the entry names (its actor, a person it is about), by id',
    }),
  ),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditListSchema = Page(AuditEntrySchema);
export type AuditList = Static<typeof AuditListSchema>;

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    objectType: Type.Optional(Type.String({ maxLength: 50 })),
    objectId: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    format: ExportFormatParam,
    ...Pagination,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
/** What narrows the log: the query without its paging and format. */
export type AuditFilters = Omit<AuditQuery, 'format' | 'limit' | 'offset'>;
