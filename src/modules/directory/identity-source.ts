import { withAccessChange } from '../../platform/auth/access-change.js';
import type { Identity, IdentitySource } from '../../platform/auth/identity.js';
import type { Role } from '../../platform/auth/roles.js';
import { brusselsDay } from '../../platform/db/time.js';
import type { Language } from '../../platform/i18n/i18n.js';
import {
  type Db,
  findPersonIdBySsoSubject,
  findPersonWithAccess,
  findSsoSubjectOf,
  insertSsoSubject,
  type PersonWithAccess,
  updatePersonRow,
} from './repository.js';

function toIdentity(found: PersonWithAccess | undefined): Identity | undefined {
  if (!found) return undefined;
  const { person, partnerCode, roles } = found;
  return {
    id: person.id,
    username: person.username,
    name: person.name,
    email: person.email,
    language: person.language as Language,
    roles: roles as Role[],
    partnerId: person.partner_id,
    partnerCode,
    isActive: person.is_active === 1 && (!person.employed_to || person.employed_to >= brusselsDay()),
  };
}

/** How authentication finds people: the directory is the source of identities. */
export const directoryIdentities: IdentitySource = {
  // Read from the database each time asked; the request check keeps the answer a few seconds
  // (platform/auth/session-cache.ts), and every change to a person made here goes through
  // withAccessChange, which forgets it once the change has committed.
  findById: async (db, id) => toIdentity(await findPersonWithAccess(db, { id })),
  findByUsername: async (db, username) => toIdentity(await findPersonWithAccess(db, { username })),
  findByEmail: async (db, email) => toIdentity(await findPersonWithAccess(db, { email })),
  findBySsoSubject: async (db, issuer, subject) => {
    const id = await findPersonIdBySsoSubject(db, issuer, subject);
    return id ? toIdentity(await findPersonWithAccess(db, { id })) : undefined;
  },
  ssoSubjectOf: (db, personId, issuer) => findSsoSubjectOf(db, personId, issuer),
  bindSsoSubject: (db, personId, issuer, subject) =>
    insertSsoSubject(db, { issuer, subject, personId, boundAt: new Date().toISOString() }),
  setLanguage: (db, id, language) =>
    withAccessChange(db, async (trx, change) => {
      change.person(id);
      await updatePersonRow(trx as Db, id, { language, updated_at: new Date().toISOString() });
    }),
};
