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
  /** The person bound to a single sign-on account: the provider's issuer and its `sub` claim. */
  findBySsoSubject(db: Kysely<any>, issuer: string, subject: string): Promise<Identity | undefined>;
  /** The `sub` a person is bound to at an issuer, or undefined while unbound. */
  ssoSubjectOf(db: Kysely<any>, personId: string, issuer: string): Promise<string | undefined>;
  /** Binds a person to a single sign-on account; fails if either side is already bound there. */
  bindSsoSubject(db: Kysely<any>, personId: string, issuer: string, subject: string): Promise<void>;
  setLanguage(db: Kysely<any>, id: string, language: Language): Promise<void>;
};
