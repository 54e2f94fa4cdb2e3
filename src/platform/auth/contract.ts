import { type Static, Type } from 'typebox';
import { Instant, IsoDate, Language } from '../http/contract.js';

// What the web app and API clients know of authentication: the roles, the one permissions table,
// who is logged in, and API tokens. A contract: TypeBox and other contracts only; the rules that
// read these vocabularies are in roles.ts, permissions.ts and tokens.ts.

/** The roles of DESIGN.md; a person may hold several. */
export const ROLES = [
  'agent',
  'expert',
  'editor',
  'reviewer',
  'partner',
  'employee',
  'manager',
  'hr',
  'facility',
  'ict',
  'admin',
  // A system's account, not a person's: the telephony pushing call records, the monitoring scraping metrics.
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/** Every role of the institution's own staff: all but a fund's users, who work elsewhere. */
const STAFF = [
  'employee',
  'manager',
  'hr',
  'facility',
  'ict',
  'admin',
  'agent',
  'expert',
  'editor',
  'reviewer',
] as const;

/**
 * The one permissions table: each ability and the roles that hold it. Every route declares one
 * access (`config.access`); `public` needs no login, `authenticated` any logged-in person.
 * The permission-matrix test walks every route with every role against this table.
 */
export const ABILITIES = {
  'directory.people.read': ['admin', 'hr', 'manager'],
  'directory.people.write': ['admin', 'hr'],
  'directory.partners.read': ['admin', 'hr', 'agent', 'expert', 'editor', 'reviewer', 'manager'],
  'directory.partners.write': ['admin'],
  'directory.org_units.read': [
    'admin',
    'hr',
    'manager',
    'employee',
    'agent',
    'expert',
    'editor',
    'reviewer',
    'facility',
    'ict',
  ],
  'directory.org_units.write': ['admin', 'hr'],
  // Everyone who answers reads the FAQ; what each reader sees is narrowed by the entry's audience.
  'knowledge.read': [
    'agent',
    'expert',
    'editor',
    'reviewer',
    'partner',
    'manager',
    'admin',
    'employee',
    'hr',
    'facility',
    'ict',
  ],
  'knowledge.write': ['editor', 'expert', 'admin'],
  // Reviewers read the draft they publish (four eyes means seeing it); writers read what they edit.
  'knowledge.drafts.read': ['editor', 'expert', 'reviewer', 'admin'],
  'knowledge.review': ['reviewer', 'admin'],
  'knowledge.manage': ['editor', 'reviewer', 'admin'],
  'knowledge.acknowledge': ['partner'],
  'knowledge.acknowledgements.read': ['editor', 'reviewer', 'manager', 'admin'],
  // A fund's users log and follow their own fund's questions; the module narrows what they see.
  'inquiries.create': ['agent', 'expert', 'partner', 'admin'],
  'inquiries.read': ['agent', 'expert', 'manager', 'partner', 'admin'],
  // Answering, escalating, writing to the thread, flagging, closing: the call center and experts.
  'inquiries.work': ['agent', 'expert', 'admin'],
  // The team queues and "my work" are the back office's screens: an agent's calls go to a team, and
  // an agent who is also an expert gets them through that role.
  'inquiries.queues': ['expert', 'manager', 'admin'],
  // Volumes by origin, channel and team: what management reports (no person in them).
  'inquiries.figures': ['manager', 'admin'],
  // Requests to a fund: experts ask, the fund's users see only theirs and answer them.
  'inquiries.partner_requests.read': ['expert', 'manager', 'partner', 'admin'],
  'inquiries.partner_requests.answer': ['partner'],
  // The callback pool is the call center's.
  'inquiries.callbacks': ['agent', 'admin'],
  // Experts turn their answers into FAQ drafts (they also write in the knowledge module).
  'inquiries.propose_faq': ['expert', 'admin'],
  // Moving work between people and teams: whoever runs the back office.
  'inquiries.assign': ['manager', 'admin'],
  'inquiries.retention': ['admin'],
  // Who talks to the person needs their NISS and contact details; managers see volumes, masked.
  'inquiries.personal_data.read': ['agent', 'expert', 'admin'],
  // Printing the FAQ is for those who answer callers (agents, experts, the funds) and those who
  // keep it (editors, reviewers, managers): a 400-page export is a real job, not a casual read.
  'knowledge.export': ['agent', 'expert', 'editor', 'reviewer', 'partner', 'manager', 'admin'],
  // Every member of staff books a desk for their office days; a fund's users work elsewhere.
  'workplace.book': STAFF,
  // Facility managers book for others, see anyone's bookings, and keep the buildings and their rules.
  'workplace.manage': ['facility', 'admin'],
  // Who sat near whom (after a positive test): personal data, for the health service's contacts only.
  'workplace.contact_report': ['facility', 'hr', 'admin'],
  // The yearly telework figures (imported per organisation, no person in the report): HR and management.
  'telework.statistics': ['hr', 'manager', 'admin'],
  // Every member of staff asks for their own telework agreement and plans their own week.
  'telework.use': STAFF,
  // Managers decide their people's agreements, sign for the employer and see their team's week;
  // HR decides where the policy asks it and sees every team.
  'telework.team': ['manager', 'hr', 'admin'],
  // The institution's rules: caps, HR approval, functions, staff profiles, crisis measures, allowances.
  'telework.manage': ['hr', 'admin'],
  // Every member of staff asks for equipment of their profile (or a contribution) and confirms receipt.
  'equipment.use': STAFF,
  // Managers approve their people's requests where the institution asks it (off by default, as in a crisis).
  'equipment.approve': ['manager', 'admin'],
  // The ICT service keeps the stock, reserves, ships, hands over and recovers equipment.
  'equipment.manage': ['ict', 'admin'],
  // Who has what at home, deliveries, stock and pending requests: ICT and management.
  'equipment.reports': ['ict', 'manager', 'admin'],
  // Every member of staff asks the ICT helpdesk for help and follows their own tickets.
  'helpdesk.use': STAFF,
  // The ICT service works the helpdesk's tickets and logs the calls it takes.
  'helpdesk.work': ['ict', 'admin'],
  'auth.tokens.manage': ['admin'],
  'audit.read': ['admin'],
  // Whether outgoing mail leaves (an SMTP relay down, an address refused): the platform's operator.
  'mail.outbox.read': ['admin'],
  // Sending a failed mail again, once the cause is fixed (a relay back, a refused address corrected).
  'mail.outbox.retry': ['admin'],
  // The telephony system pushes its call-detail records; an admin may load them too.
  'calls.push': ['integration', 'admin'],
  // The call center's own figures (calls per day, hour, line, language; waits; service level).
  'calls.stats': ['manager', 'admin'],
  // Prometheus metrics for the operators: the monitoring system's account and the platform's admins.
  'platform.metrics': ['integration', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Ability = keyof typeof ABILITIES;

export const RoleSchema = Type.Enum([...ROLES]);

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  language: Language,
  roles: Type.Array(RoleSchema),
  partner: Type.Union([Type.String(), Type.Null()], {
    description: "The partner fund's code, for partner users",
  }),
  abilities: Type.Array(Type.Enum(Object.keys(ABILITIES))),
  authMethod: Type.Enum(['session', 'token']),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send it back as X-CSRF-Token on every cookie-authenticated write',
  }),
});
export type Me = Static<typeof MeSchema>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const UpdateMeBody = Type.Object({ language: Language }, { additionalProperties: false });

export const TokenSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  username: Type.Optional(Type.String()),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Instant,
  lastUsedAt: Type.Union([Instant, Type.Null()]),
  revokedAt: Type.Union([Instant, Type.Null()]),
  expiresOn: Type.Union([IsoDate, Type.Null()], {
    description: 'The Brussels day from which the token no longer answers; null: no end',
  }),
});
export type Token = Static<typeof TokenSchema>;
export const TokenList = Type.Object({ items: Type.Array(TokenSchema) });
export type TokenList = Static<typeof TokenList>;

export const CreateTokenBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresOn: Type.Optional(
      Type.Union([IsoDate, Type.Null()], {
        description: 'A day after today from which the token no longer answers; absent or null: no end',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreatedTokenSchema = Type.Object({
  token: Type.String({ description: 'Shown once; only its hash is kept' }),
  summary: TokenSchema,
});

export type CreatedToken = Static<typeof CreatedTokenSchema>;

/** Each role, and each ability with the roles that hold it (the ABILITIES table, as data). */
export const PermissionTableSchema = Type.Object({
  roles: Type.Array(RoleSchema),
  abilities: Type.Array(Type.Object({ ability: Type.String(), roles: Type.Array(RoleSchema) })),
});
export type PermissionTable = Static<typeof PermissionTableSchema>;

/** How many sessions "log out everywhere" ended. */
export const RevokedSessions = Type.Object({ revoked: Type.Integer() });
export type RevokedSessions = Static<typeof RevokedSessions>;

/** The login methods the login page offers. */
export const LoginProviders = Type.Object({
  password: Type.Boolean(),
  oidc: Type.Object({ enabled: Type.Boolean(), label: Type.String() }),
});
export type LoginProviders = Static<typeof LoginProviders>;
