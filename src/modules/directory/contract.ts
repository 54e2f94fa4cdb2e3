import { type Static, Type } from 'typebox';
// The shared wire shapes of the platform, until the platform has contracts of its own to take them from.
import { RoleSchema } from '../../platform/auth/contract.js';
import { ExportFormatParam } from '../../platform/exports/contract.js';
import { IsoDate, Language, Nullable, Page, Pagination } from '../../platform/http/contract.js';

// What the web app may know of the directory: the schema of every request and answer of its API
// (the schema is the type: `Static<>` of it) and the limits its forms share with the server.

/** Limits the web forms share with the server. */
// passwordMin is PASSWORD_MIN_LENGTH (platform/auth/password-rules.ts), written out: the web app
// reads these limits and must not pull in the server's password list.
export const DirectoryLimits = { usernameMax: 64, nameMax: 200, passwordMin: 12 };

/** The columns of a people import file, in order (`roles` holds several roles separated by spaces). */
export const IMPORT_COLUMNS = [
  'username',
  'name',
  'email',
  'language',
  'roles',
  'org_unit',
  'partner',
] as const;

export const Username = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]*$',
  minLength: 2,
  maxLength: DirectoryLimits.usernameMax,
  description: 'lower-case letters, digits, dot, dash, underscore',
});
export const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', minLength: 2, maxLength: 40 });
export const Email = Type.String({ format: 'email', maxLength: 254 });

export const PersonInput = Type.Object(
  {
    username: Username,
    name: Type.String({ minLength: 1, maxLength: DirectoryLimits.nameMax }),
    email: Email,
    phone: Type.Optional(Nullable(Type.String({ pattern: '^\\+?[0-9 ./()-]{6,30}$' }))),
    language: Type.Optional(Language),
    roles: Type.Array(RoleSchema, { maxItems: 11, uniqueItems: true }),
    orgUnit: Type.Optional(Nullable(Code)),
    partner: Type.Optional(Nullable(Code)),
    manager: Type.Optional(Nullable(Username)),
    employedFrom: Type.Optional(Nullable(IsoDate)),
    employedTo: Type.Optional(Nullable(IsoDate)),
    password: Type.Optional(Type.String({ minLength: DirectoryLimits.passwordMin, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInput>;

export const PersonUpdate = Type.Partial(
  Type.Object({
    name: PersonInput.properties.name,
    email: Email,
    phone: Nullable(Type.String({ pattern: '^\\+?[0-9 ./()-]{6,30}$' })),
    language: Language,
    roles: PersonInput.properties.roles,
    orgUnit: Nullable(Code),
    partner: Nullable(Code),
    manager: Nullable(Username),
    employedFrom: Nullable(IsoDate),
    employedTo: Nullable(IsoDate),
    isActive: Type.Boolean(),
    password: Type.String({ minLength: DirectoryLimits.passwordMin, maxLength: 500 }),
  }),
  // On Partial itself: TypeBox's Partial drops the options of the object it wraps.
  { additionalProperties: false },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

/** A person as lists show them: no contact details, so listing is not a personal-data read. */
export const PersonSummary = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  language: Language,
  roles: Type.Array(RoleSchema),
  orgUnit: Nullable(Type.String()),
  partner: Nullable(Type.String()),
  isActive: Type.Boolean(),
});
export type PersonSummary = Static<typeof PersonSummary>;
export const PeoplePage = Page(PersonSummary);
export type PeoplePage = Static<typeof PeoplePage>;

/** A person with contact details: reading it is audited. */
export const PersonDetail = Type.Object({
  ...PersonSummary.properties,
  email: Type.String(),
  phone: Nullable(Type.String()),
  manager: Nullable(Type.String()),
  employedFrom: Nullable(Type.String()),
  employedTo: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type PersonDetail = Static<typeof PersonDetail>;

export const PartnerInput = Type.Object(
  {
    code: Code,
    nameFr: Type.String({ minLength: 1, maxLength: 200 }),
    nameNl: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Enum(['fund', 'ministry', 'other']),
    enterpriseNumber: Type.Optional(Nullable(Type.String({ pattern: '^[01][0-9]{9}$' }))),
  },
  { additionalProperties: false },
);
export type PartnerInput = Static<typeof PartnerInput>;
export const PartnerUpdate = Type.Partial(
  Type.Object({ ...PartnerInput.properties, isActive: Type.Boolean() }),
  {
    additionalProperties: false,
  },
);
export type PartnerUpdate = Static<typeof PartnerUpdate>;
export const Partner = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  kind: Type.String(),
  enterpriseNumber: Nullable(Type.String()),
  isActive: Type.Boolean(),
  userCount: Type.Integer(),
});
export type Partner = Static<typeof Partner>;
export const PartnerList = Type.Object({ items: Type.Array(Partner) });
export type PartnerList = Static<typeof PartnerList>;

export const OrgUnitInput = Type.Object(
  {
    code: Code,
    nameFr: Type.String({ minLength: 1, maxLength: 200 }),
    nameNl: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Enum(['institution', 'direction', 'service', 'team']),
    parent: Type.Optional(Nullable(Code)),
  },
  { additionalProperties: false },
);
export type OrgUnitInput = Static<typeof OrgUnitInput>;
export const OrgUnitUpdate = Type.Partial(Type.Omit(OrgUnitInput, ['code']), { additionalProperties: false });
export type OrgUnitUpdate = Static<typeof OrgUnitUpdate>;
export const OrgUnit = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  kind: Type.String(),
  parent: Nullable(Type.String()),
  peopleCount: Type.Integer(),
});
export type OrgUnit = Static<typeof OrgUnit>;
export const OrgUnitList = Type.Object({ items: Type.Array(OrgUnit) });
export type OrgUnitList = Static<typeof OrgUnitList>;

export const PersonParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const CodeParams = Type.Object({ code: Code });

export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    partner: Type.Optional(Code),
    orgUnit: Type.Optional(Code),
    isActive: Type.Optional(Type.Boolean()),
    format: ExportFormatParam,
    ...Pagination,
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const ImportBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 900_000,
      description: 'The CSV file content, header row first',
    }),
    generatePasswords: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export const ImportResult = Type.Object({
  imported: Type.Integer(),
  passwords: Type.Array(Type.Object({ username: Type.String(), password: Type.String() })),
});
export type ImportResult = Static<typeof ImportResult>;
