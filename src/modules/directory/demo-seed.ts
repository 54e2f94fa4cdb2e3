import type { AuditActor } from '../../platform/audit/audit.js';
import { setPasswordHash } from '../../platform/auth/login.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Role } from '../../platform/auth/roles.js';
import type { Language } from '../../platform/i18n/i18n.js';
import type { OrgUnitInput, PartnerInput } from './contract.js';
import { demoBackOffice } from './demo-back-office.js';
import { insertOrgUnit } from './org-units.js';
import { insertPartner } from './partners.js';
import { insertPerson } from './people.js';
import { type Db, updatePersonRow } from './repository.js';

/** Every demo account has this password; the seed prints it. Never seed demo data in production. */
export const DEMO_PASSWORD = 'demo-relais-2020';

const ORG_UNITS: OrgUnitInput[] = [
  { code: 'inasti', nameFr: 'INASTI', nameNl: 'RSVZ', kind: 'institution', parent: null },
  {
    code: 'dir-services',
    nameFr: 'Direction Services aux indépendants',
    nameNl: 'Directie Dienstverlening aan zelfstandigen',
    kind: 'direction',
    parent: 'inasti',
  },
  {
    code: 'dir-support',
    nameFr: 'Direction Support',
    nameNl: 'Directie Ondersteuning',
    kind: 'direction',
    parent: 'inasti',
  },
  {
    code: 'call-center',
    nameFr: 'Call center de crise',
    nameNl: 'Crisiscallcenter',
    kind: 'service',
    parent: 'dir-services',
  },
  {
    code: 'audit-externe',
    nameFr: 'Service Audit externe',
    nameNl: 'Dienst Externe audit',
    kind: 'service',
    parent: 'dir-services',
  },
  {
    code: 'etudes-juridiques',
    nameFr: 'Service Études juridiques',
    nameNl: 'Dienst Juridische studies',
    kind: 'service',
    parent: 'dir-services',
  },
  {
    code: 'communication',
    nameFr: 'Service Communication',
    nameNl: 'Dienst Communicatie',
    kind: 'service',
    parent: 'dir-services',
  },
  { code: 'ict', nameFr: 'Service ICT', nameNl: 'Dienst ICT', kind: 'service', parent: 'dir-support' },
  {
    code: 'hr',
    nameFr: 'Service Personnel et Organisation',
    nameNl: 'Dienst Personeel en Organisatie',
    kind: 'service',
    parent: 'dir-support',
  },
  {
    code: 'facility',
    nameFr: 'Service Logistique',
    nameNl: 'Dienst Logistiek',
    kind: 'service',
    parent: 'dir-support',
  },
];

const FUNDS: [code: string, nameFr: string, nameNl: string][] = [
  ['acerta', 'Acerta Caisse d’assurances sociales', 'Acerta Sociaal Verzekeringsfonds'],
  ['group-s', 'Group S Caisse d’assurances sociales', 'Group S Sociaal Verzekeringsfonds'],
  ['liantis', 'Liantis Caisse d’assurances sociales', 'Liantis Sociaal Verzekeringsfonds'],
  [
    'partena',
    'Partena Professional Caisse d’assurances sociales',
    'Partena Professional Sociaal Verzekeringsfonds',
  ],
  ['securex', 'Securex Caisse d’assurances sociales', 'Securex Sociaal Verzekeringsfonds'],
  ['ucm', 'UCM Caisse d’assurances sociales', 'UCM Sociaal Verzekeringsfonds'],
  ['xerius', 'Xerius Caisse d’assurances sociales', 'Xerius Sociaal Verzekeringsfonds'],
  ['cna', 'Caisse nationale auxiliaire', 'Nationale Hulpkas'],
];

const FIRST_NAMES = [
  'Marie',
  'Luc',
  'Sofie',
  'Jan',
  'Nathalie',
  'Pieter',
  'Isabelle',
  'Koen',
  'Julie',
  'Thomas',
  'Elke',
  'Olivier',
  'An',
  'Michel',
  'Lotte',
  'Karim',
  'Sarah',
  'Wim',
  'Fatima',
  'Bart',
  'Claire',
];
const LAST_NAMES = [
  'Dubois',
  'Peeters',
  'Lambert',
  'Janssens',
  'Maes',
  'Dupont',
  'Jacobs',
  'Mertens',
  'Willems',
  'Lejeune',
  'Claes',
  'Goossens',
  'Renard',
  'Wouters',
  'El Amrani',
  'De Smet',
  'Leclercq',
  'Vermeulen',
  'Simon',
];

type DemoPerson = {
  username: string;
  roles: Role[];
  orgUnit: string | null;
  partner?: string;
  language: Language;
  name?: string;
  /**
   * The grown back office (staff001…, demo-back-office.ts): the demos that play each person's
   * days one by one (the workplace's desk bookings) leave them out, to keep the first start quick.
   */
  backOffice?: true;
};

/**
 * The demo manager's reports whose weeks the demo plans (every member of staff reports to the
 * manager, see managerOf): the named staff of the front and back office and a few agents.
 */
export const DEMO_MANAGER_REPORTS = [
  'agent',
  'expert',
  'editor',
  'reviewer',
  'employee',
  'employee2',
  'agent02',
  'agent03',
] as const;

/** The named accounts a newcomer logs in with, one per role, then the crowd. */
export function demoPeople(): DemoPerson[] {
  const named: DemoPerson[] = [
    { username: 'admin', name: 'Anne Admin', roles: ['admin', 'employee'], orgUnit: 'ict', language: 'fr' },
    {
      username: 'agent',
      name: 'Alain Agent',
      roles: ['agent', 'employee'],
      orgUnit: 'call-center',
      language: 'fr',
    },
    {
      username: 'expert',
      name: 'Eva Expert',
      roles: ['expert', 'employee'],
      orgUnit: 'audit-externe',
      language: 'nl',
    },
    {
      username: 'editor',
      name: 'Émile Rédacteur',
      roles: ['editor', 'employee'],
      orgUnit: 'communication',
      language: 'fr',
    },
    {
      username: 'reviewer',
      name: 'Rita Reviewer',
      roles: ['reviewer', 'employee'],
      orgUnit: 'etudes-juridiques',
      language: 'nl',
    },
    {
      username: 'manager',
      name: 'Marc Manager',
      roles: ['manager', 'employee'],
      orgUnit: 'dir-services',
      language: 'fr',
    },
    { username: 'hr', name: 'Hilde HR', roles: ['hr', 'employee'], orgUnit: 'hr', language: 'nl' },
    {
      username: 'facility',
      name: 'Fabrice Logistique',
      roles: ['facility', 'employee'],
      orgUnit: 'facility',
      language: 'fr',
    },
    { username: 'ict', name: 'Ines ICT', roles: ['ict', 'employee'], orgUnit: 'ict', language: 'nl' },
    { username: 'employee', name: 'Emma Employee', roles: ['employee'], orgUnit: 'hr', language: 'en' },
  ];
  const crowd: DemoPerson[] = [];
  const add = (username: string, roles: Role[], orgUnit: string, i: number) =>
    crowd.push({ username, roles, orgUnit, language: i % 2 === 0 ? 'fr' : 'nl' });
  // 82 call-center agents in 2020: the named `agent` plus agent02..agent82.
  for (let i = 2; i <= 82; i++)
    add(`agent${String(i).padStart(2, '0')}`, ['agent', 'employee'], 'call-center', i);
  for (let i = 2; i <= 4; i++)
    add(`expert${i}`, ['expert', 'employee'], i % 2 ? 'audit-externe' : 'etudes-juridiques', i);
  add('editor2', ['editor', 'employee'], 'communication', 1);
  add('reviewer2', ['reviewer', 'employee'], 'etudes-juridiques', 2);
  add('ict2', ['ict', 'employee'], 'ict', 3);
  add('employee2', ['employee'], 'facility', 4);
  for (const member of demoBackOffice()) crowd.push({ ...member, roles: ['employee'], backOffice: true });
  const partners: DemoPerson[] = FUNDS.map(([code]) => ({
    username: `partner.${code}`,
    name: `${code.toUpperCase()} (partner)`,
    roles: ['partner'],
    orgUnit: null,
    partner: code,
    language: code === 'ucm' ? 'fr' : 'nl',
  }));
  return [...named, ...crowd, ...partners];
}

/** Whom a demo person reports to: the fund's users to nobody, the manager to the admin, staff to the manager. */
function managerOf(person: DemoPerson): string | null {
  if (person.partner || person.username === 'admin') return null;
  return person.username === 'manager' ? 'admin' : 'manager';
}

function demoName(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]}`;
}

/** Seeds the demo institution: units, the eight funds, ~320 staff and one user per fund. */
export async function seedDirectoryDemo(trx: Db, actor: AuditActor): Promise<{ people: number }> {
  for (const unit of ORG_UNITS) await insertOrgUnit(trx, actor, unit);
  for (const [code, nameFr, nameNl] of FUNDS) {
    const partner: PartnerInput = { code, nameFr, nameNl, kind: 'fund' };
    await insertPartner(trx, actor, partner);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = demoPeople();
  const ids = new Map<string, string>();
  for (const [index, person] of people.entries()) {
    const row = await insertPerson(
      trx,
      actor,
      {
        username: person.username,
        name: person.name ?? demoName(index),
        email: `${person.username}@${person.partner ? `${person.partner}.example` : 'inasti.example'}`,
        language: person.language,
        roles: person.roles,
        orgUnit: person.orgUnit,
        partner: person.partner ?? null,
        employedFrom: '2020-03-16',
      },
      person.language,
    );
    await setPasswordHash(trx, row.id, passwordHash);
    ids.set(person.username, row.id);
  }
  // Marc Manager leads the staff (his team view, the telework agreements he decides); Anne Admin leads him.
  for (const person of people) {
    const manager = managerOf(person);
    if (manager) await updatePersonRow(trx, ids.get(person.username)!, { manager_id: ids.get(manager)! });
  }
  return { people: people.length };
}
