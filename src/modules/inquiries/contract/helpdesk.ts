import { type Static, type TInteger, Type } from 'typebox';
// The equipment module's asset tag, from its contract (its index.ts would bring the server into the
// web bundle): a ticket names the asset concerned in the same shape.
import { AssetTag } from '../../equipment/contract.js';
import { InquiryDetail, InquirySummary } from './inquiries.js';
import { PageQuery } from './parameters.js';
import { ExportFormatParam, Instant, IsoDate, Nullable } from './platform-schemas.js';
import { InquiryLimits, STATUSES } from './vocabulary.js';

// The ICT helpdesk runs on the inquiries engine: a ticket is an inquiry of kind `helpdesk`, held by
// the helpdesk's team, asked by a member of staff.

/** The helpdesk's team, seeded in every database (the migration that brought the helpdesk). */
export const HELPDESK_TEAM_CODE = 'ict-helpdesk';

/** What a ticket is about (labels in the locale files: `helpdesk.category.<code>`). */
export const HELPDESK_CATEGORIES = ['vpn', 'hardware', 'software', 'phone', 'account'] as const;
export type HelpdeskCategory = (typeof HELPDESK_CATEGORIES)[number];

export const TICKET_LANGUAGES = ['fr', 'nl', 'en'] as const;

export const NewTicket = Type.Object(
  {
    category: Type.Enum([...HELPDESK_CATEGORIES]),
    question: Type.String({ minLength: 1, maxLength: InquiryLimits.questionMax }),
    asset_tag: Type.Optional(AssetTag),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ./()-]{6,30}$' })),
    language: Type.Optional(
      Type.Enum([...TICKET_LANGUAGES], { description: 'the caller’s language unless given' }),
    ),
    employee: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'ICT logging a phone call: the username of the employee who called',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewTicket = Static<typeof NewTicket>;

const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
const TicketFields = Type.Object({
  category: Nullable(Type.Enum([...HELPDESK_CATEGORIES])),
  asset_tag: Nullable(Type.String()),
  /** The member of staff who asked. */
  employee: Nullable(PersonRef),
});

export const TicketSummary = Type.Intersect([InquirySummary, TicketFields]);
export type TicketSummaryView = Static<typeof TicketSummary>;
export const TicketPage = Type.Object({ items: Type.Array(TicketSummary), total: Type.Integer() });
export type TicketPage = Static<typeof TicketPage>;
export const TicketDetail = Type.Intersect([InquiryDetail, TicketFields]);
export type TicketDetailView = Static<typeof TicketDetail>;

/** A ticket as an asset's page lists it: which, when, about what, how far, asked by whom. */
export const AssetTicket = Type.Object({
  ref: Type.String(),
  status: Type.Enum([...STATUSES]),
  category: Nullable(Type.Enum([...HELPDESK_CATEGORIES])),
  created_at: Instant,
  closed_at: Nullable(Instant),
  employee: Nullable(PersonRef),
});
export type AssetTicketView = Static<typeof AssetTicket>;
export const AssetTicketList = Type.Object({ items: Type.Array(AssetTicket) });
export type AssetTicketList = Static<typeof AssetTicketList>;
export const AssetTagParams = Type.Object({ tag: AssetTag }, { additionalProperties: false });

export const TicketListQuery = Type.Object(
  {
    category: Type.Optional(Type.Enum([...HELPDESK_CATEGORIES])),
    status: Type.Optional(Type.Enum([...STATUSES])),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    assignee: Type.Optional(
      Type.Union([Type.Literal('me'), Type.Literal('none'), Type.String({ format: 'uuid' })], {
        description: '`me` for my work, `none` for the queue: what nobody has taken yet',
      }),
    ),
    open: Type.Optional(Type.Boolean({ description: 'Only tickets not closed' })),
    mine: Type.Optional(
      Type.Boolean({ description: 'Only the tickets I asked myself (ICT sees all otherwise)' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TicketListQuery = Static<typeof TicketListQuery>;

export const TicketAnswer = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }),
    close: Type.Optional(Type.Boolean({ description: 'Close the ticket with the answer (default true)' })),
  },
  { additionalProperties: false },
);
export type TicketAnswer = Static<typeof TicketAnswer>;

export const TicketMessage = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }),
    kind: Type.Optional(
      Type.Enum(['incoming', 'note'], {
        description: 'ICT only: `note` between colleagues; the employee always writes `incoming`',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TicketMessage = Static<typeof TicketMessage>;

/** What a helpdesk figures file holds. */
export const HELPDESK_FIGURES_TABLES = ['months', 'categories'] as const;
export const HelpdeskFiguresQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    format: ExportFormatParam,
    table: Type.Optional(
      Type.Union(
        HELPDESK_FIGURES_TABLES.map((table) => Type.Literal(table)),
        { description: 'with `format`: the table to download (`months` unless given)' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type HelpdeskFiguresQuery = Static<typeof HelpdeskFiguresQuery>;

const ByCategory = Type.Object(
  Object.fromEntries(HELPDESK_CATEGORIES.map((c) => [c, Type.Integer()])) as Record<
    HelpdeskCategory,
    TInteger
  >,
);
const Durations = Type.Object({
  count: Type.Integer(),
  median_minutes: Nullable(Type.Integer()),
  p90_minutes: Nullable(Type.Integer()),
});
export const HelpdeskFiguresView = Type.Object({
  from: IsoDate,
  to: IsoDate,
  total: Type.Integer(),
  /** Tickets created per month of the period (Brussels months, `YYYY-MM`), by category. */
  months: Type.Array(
    Type.Object({
      month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
      total: Type.Integer(),
      by_category: ByCategory,
      /** Of that month's tickets, time from creation to closure (calendar minutes). */
      resolution: Durations,
    }),
  ),
  categories: Type.Array(
    Type.Object({
      category: Type.Enum([...HELPDESK_CATEGORIES]),
      total: Type.Integer(),
      closed: Type.Integer(),
      resolution: Durations,
    }),
  ),
  /** Time from creation to closure of the period's closed tickets. */
  resolution: Durations,
  /** Tickets not closed now, whenever they came in, by category. */
  backlog: Type.Object({ total: Type.Integer(), by_category: ByCategory }),
});
export type HelpdeskFigures = Static<typeof HelpdeskFiguresView>;
