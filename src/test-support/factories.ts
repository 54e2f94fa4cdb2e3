import type { FastifyInstance } from 'fastify';
import { createPartner, createPerson, listPartnerOrganisations } from '../modules/directory/index.js';
import {
  addTeamMembers,
  claimInquiry,
  createInquiry,
  createTeam,
  escalateInquiry,
  type InquiryCaller,
} from '../modules/inquiries/index.js';
import {
  createKnowledgeDraft,
  createKnowledgeTheme,
  getThemeForField,
  publishKnowledgeDraft,
} from '../modules/knowledge/index.js';
import { type AuditActor, CLI_ACTOR } from '../platform/audit/audit.js';
import { can } from '../platform/auth/permissions.js';
import type { Role } from '../platform/auth/roles.js';
import type { AnyDb } from '../platform/db/database.js';
import { withTransaction } from '../platform/db/transaction.js';
import { login, type Session, TEST_PASSWORD } from './test-app.js';

// Test data built through each module's own use cases (its index.ts), as Outline's
// `buildUser()`/`buildDocument()` do: a test states what it needs, the defaults are unique, and
// nothing depends on the demo institution. An app or a bare database is accepted; with an app,
// people come back logged in.

type Target = FastifyInstance | AnyDb;
const dbOf = (target: Target): AnyDb => ('inject' in target ? target.db : target);
const isApp = (target: Target): target is FastifyInstance => 'inject' in target;

let sequence = 0;
/** A short name no other call of this test run gets: `prefix-7-k3x9q`. */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}-${Math.random().toString(36).slice(2, 7)}`;
}

export type PersonOverrides = {
  roles?: Role[];
  username?: string;
  name?: string;
  email?: string;
  language?: 'fr' | 'nl' | 'en';
  /** The fund (partner code) a partner user speaks for; created when it does not exist yet. */
  partner?: string | null;
  /** False: no password (cannot log in), and no time spent hashing one, for a crowd of people. */
  canLogIn?: boolean;
};

export type BuiltPerson = {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  /** The fund's id for a partner user, else null. */
  partnerId: string | null;
  /** The person as the inquiries' use cases see a caller. */
  caller: InquiryCaller;
};

export type LoggedInPerson = BuiltPerson & Session;

/**
 * A person with the given roles (default `employee`) and the test password, created through the
 * directory's use case. Given an app, the person comes back logged in (a session to call the API
 * with), unless `canLogIn: false`.
 */
export async function buildPerson(
  app: FastifyInstance,
  overrides?: PersonOverrides & { canLogIn?: true },
): Promise<LoggedInPerson>;
export async function buildPerson(target: Target, overrides?: PersonOverrides): Promise<BuiltPerson>;
export async function buildPerson(
  target: Target,
  overrides: PersonOverrides = {},
): Promise<BuiltPerson | LoggedInPerson> {
  const db = dbOf(target);
  const username = overrides.username ?? unique('person');
  const roles = overrides.roles ?? ['employee'];
  const partner = overrides.partner ? await buildPartner(db, { code: overrides.partner }) : null;
  const person = await createPerson(
    db,
    CLI_ACTOR,
    {
      username,
      name: overrides.name ?? `Test ${username}`,
      email: overrides.email ?? `${username}@example.org`,
      roles,
      partner: partner?.code ?? null,
      language: overrides.language ?? 'en',
      ...(overrides.canLogIn !== false && { password: TEST_PASSWORD }),
    },
    'en',
  );
  const partnerId = partner?.id ?? null;
  const built: BuiltPerson = {
    id: person.id,
    username: person.username,
    name: person.name,
    roles,
    partnerId,
    caller: {
      actor: { id: person.id, username: person.username },
      partnerId: roles.includes('partner') ? partnerId : null,
      seesPersonalData: can(roles, 'inquiries.personal_data.read'),
      kind: 'citizen',
      requesterId: null,
    },
  };
  if (!isApp(target) || overrides.canLogIn === false) return built;
  return { ...built, ...(await login(target, username)) };
}

/** A partner organisation (a fund); an existing one of the same code is returned as it is. */
export async function buildPartner(
  target: Target,
  overrides: { code?: string; nameFr?: string; nameNl?: string } = {},
): Promise<{ id: string; code: string }> {
  const db = dbOf(target);
  const code = overrides.code ?? unique('fund');
  const existing = (await listPartnerOrganisations(db)).find((p) => p.code === code);
  if (existing) return { id: existing.id, code };
  const created = await createPartner(db, CLI_ACTOR, {
    code,
    nameFr: overrides.nameFr ?? `Caisse ${code}`,
    nameNl: overrides.nameNl ?? `Fonds ${code}`,
    kind: 'fund',
  });
  return { id: created.id, code };
}

/** An expert team with its members; business minutes to a first answer and to the resolution. */
export async function buildTeam(
  target: Target,
  overrides: {
    code?: string;
    nameFr?: string;
    nameNl?: string;
    members?: readonly { id: string }[];
    firstAnswerMinutes?: number;
    resolutionMinutes?: number;
  } = {},
): Promise<{ id: string; code: string }> {
  const code = overrides.code ?? unique('team');
  return withTransaction(dbOf(target), async (trx) => {
    const team = await createTeam(trx, CLI_ACTOR, {
      code,
      nameFr: overrides.nameFr ?? `Équipe ${code}`,
      nameNl: overrides.nameNl ?? `Team ${code}`,
      firstAnswerMinutes: overrides.firstAnswerMinutes ?? 9 * 60,
      resolutionMinutes: overrides.resolutionMinutes ?? 5 * 9 * 60,
    });
    await addTeamMembers(
      trx,
      team.id,
      (overrides.members ?? []).map((member) => member.id),
    );
    return { id: team.id, code };
  });
}

/** An FAQ theme; an existing one of the same code is kept as it is. */
export async function buildTheme(
  target: Target,
  overrides: { code?: string; nameFr?: string; nameNl?: string; reviewDays?: number } = {},
): Promise<{ code: string }> {
  const db = dbOf(target);
  const code = overrides.code ?? unique('theme');
  const exists = await getThemeForField(db, code).then(
    () => true,
    () => false,
  );
  if (!exists)
    await withTransaction(db, (trx) =>
      createKnowledgeTheme(trx, CLI_ACTOR, {
        code,
        nameFr: overrides.nameFr ?? `Thème ${code}`,
        nameNl: overrides.nameNl ?? `Thema ${code}`,
        ...(overrides.reviewDays !== undefined && { reviewDays: overrides.reviewDays }),
      }),
    );
  return { code };
}

/** A value given once stands for both languages. */
const perLanguage = <T>(value: T | { fr: T; nl: T }): { fr: T; nl: T } =>
  value !== null && typeof value === 'object' && 'fr' in value ? value : { fr: value as T, nl: value as T };

export type EntryOverrides = {
  /** Created when it does not exist yet. */
  theme?: string;
  audience?: 'public' | 'partners' | 'internal';
  validFrom?: string;
  validTo?: string | null;
  supersedes?: string | null;
  tags?: string[];
  /** The same for both languages when given as one value. */
  legalBasis?: string | { fr: string; nl: string };
  sources?: string[] | { fr: string[]; nl: string[] };
  fr?: { question: string; answer: string };
  nl?: { question: string; answer: string };
  /** Published by default (first version, as an import publishes); false leaves the first draft. */
  isPublished?: boolean;
  /** Who wrote it (audit, history); the command line by default. */
  by?: { id: string; username: string };
};

/**
 * An FAQ entry in French and Dutch, public, valid from 2020-03-13 without end, published. The
 * search index reads it when the index is first built (an app's first search); after that, an app
 * that does not listen learns only of publications made through the API.
 */
export async function buildEntry(
  target: Target,
  overrides: EntryOverrides = {},
): Promise<{ ref: string; version: number | null }> {
  const db = dbOf(target);
  const { code: theme } = await buildTheme(db, { code: overrides.theme ?? 'general' });
  const words = unique('sujet');
  const actor: AuditActor = overrides.by ?? CLI_ACTOR;
  const draft = await createKnowledgeDraft(db, actor, {
    theme,
    audience: overrides.audience ?? 'public',
    validFrom: overrides.validFrom ?? '2020-03-13',
    validTo: overrides.validTo ?? null,
    supersedes: overrides.supersedes ?? null,
    tags: overrides.tags ?? [],
    legalBasis: perLanguage(overrides.legalBasis ?? ''),
    sources: perLanguage(overrides.sources ?? []),
    fr: overrides.fr ?? { question: `Question ${words} ?`, answer: `Réponse ${words}.` },
    nl: overrides.nl ?? { question: `Vraag ${words}?`, answer: `Antwoord ${words}.` },
  });
  if (overrides.isPublished === false) return { ref: draft.ref, version: null };
  const published = await publishKnowledgeDraft(db, actor, draft.ref, 'import', { skipFourEyes: true });
  return { ref: published.ref, version: published.version };
}

export type InquiryOverrides = {
  /** The agent (or fund's user) who logs it; a new agent when not given. */
  by?: BuiltPerson;
  channel?: 'phone' | 'email' | 'web' | 'partner' | 'social';
  language?: 'fr' | 'nl' | 'de' | 'en';
  question?: string;
  theme?: string;
  requester?: { name?: string; niss?: string; email?: string; phone?: string; fund?: string };
  /** Channel `social`: the network and handle (a Facebook name made up when not given). */
  social?: { platform: 'facebook' | 'x' | 'linkedin' | 'instagram' | 'other'; handle: string };
  /** `escalated` sends it to `team`; `in_research` also has `assignee` (a member of it) claim it. */
  status?: 'new' | 'escalated' | 'in_research';
  team?: string | { code: string };
  note?: string;
  assignee?: BuiltPerson;
};

/** An inquiry logged by an agent, then walked to the status asked for through the use cases. */
export async function buildInquiry(
  target: Target,
  overrides: InquiryOverrides = {},
): Promise<{ ref: string; id: string }> {
  const db = dbOf(target);
  const by = overrides.by ?? (await buildPerson(db, { roles: ['agent'] }));
  const { row } = await createInquiry(
    db,
    by.caller,
    {
      channel: overrides.channel ?? 'phone',
      language: overrides.language ?? 'fr',
      question: overrides.question ?? `Question ${unique('appel')} ?`,
      ...(overrides.theme && { theme: overrides.theme }),
      ...(overrides.requester && { requester: overrides.requester }),
      ...(overrides.channel === 'social' && {
        social: overrides.social ?? { platform: 'facebook', handle: unique('Marie') },
      }),
    },
    null,
  );
  const status = overrides.status ?? 'new';
  if (status === 'new') return { ref: row.ref, id: row.id };
  const team =
    overrides.team ?? (await buildTeam(db, { members: overrides.assignee ? [overrides.assignee] : [] }));
  await escalateInquiry(db, by.caller, row.ref, {
    team: typeof team === 'string' ? team : team.code,
    note: overrides.note ?? 'À vérifier.',
  });
  if (status === 'in_research') {
    if (!overrides.assignee) throw new Error('buildInquiry: in_research needs an assignee');
    await claimInquiry(db, overrides.assignee.caller, row.ref);
  }
  return { ref: row.ref, id: row.id };
}
