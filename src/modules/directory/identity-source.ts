import type { Kysely } from 'kysely';
import type { Identity, IdentitySource } from '../../platform/auth/identity.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Language } from '../../platform/i18n/i18n.js';
import {
  findPartnerById,
  findPersonByEmail,
  findPersonById,
  findPersonByUsername,
  listRolesOf,
} from './repository.js';
import type { PersonRow } from './tables.js';

async function toIdentity(db: Kysely<any>, row: PersonRow | undefined): Promise<Identity | undefined> {
  if (!row) return undefined;
  const [roles, partner] = await Promise.all([
    listRolesOf(db, [row.id]),
    row.partner_id ? findPartnerById(db, row.partner_id) : undefined,
  ]);
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    language: row.language as Language,
    roles: (roles.get(row.id) ?? []) as Role[],
    partnerId: row.partner_id,
    partnerCode: partner?.code ?? null,
    isActive:
      row.is_active === 1 && (!row.employed_to || row.employed_to >= new Date().toISOString().slice(0, 10)),
  };
}

/** How authentication finds people: the directory is the source of identities. */
export const directoryIdentities: IdentitySource = {
  findById: async (db, id) => toIdentity(db, await findPersonById(db, id)),
  findByUsername: async (db, username) => toIdentity(db, await findPersonByUsername(db, username)),
  findByEmail: async (db, email) => toIdentity(db, await findPersonByEmail(db, email)),
  setLanguage: async (db, id, language) => {
    await (db as Kysely<{ directory_person: PersonRow }>)
      .updateTable('directory_person')
      .set({ language, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  },
};
