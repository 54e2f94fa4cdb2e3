import type { Kysely } from 'kysely';
import type { Language } from '../i18n/i18n.js';
import type { Role } from './roles.js';

/** Who is calling, as the directory knows them. */
export type Identity = {
  id: string;
  username: string;
  name: string;
  email: string;
  language: Language;
  roles: Role[];
  partnerId: string | null;
  partnerCode: string | null;
  isActive: boolean;
};

/**
 * What authentication needs from the directory. The directory module provides it when the
 * server is assembled, so platform/ never imports a module.
 */
export type IdentitySource = {
  findById(db: Kysely<any>, id: string): Promise<Identity | undefined>;
  findByUsername(db: Kysely<any>, username: string): Promise<Identity | undefined>;
  findByEmail(db: Kysely<any>, email: string): Promise<Identity | undefined>;
  setLanguage(db: Kysely<any>, id: string, language: Language): Promise<void>;
};
