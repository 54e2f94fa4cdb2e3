import { type Static, Type } from 'typebox';
import { Instant, IsoDate, Language } from '../http/validation.js';
import { ABILITIES } from './permissions.js';
import { ROLES } from './roles.js';

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
