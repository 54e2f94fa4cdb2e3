import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { seededRandom } from '../../../platform/seeded-random.js';
import { demoPeople, idsOfUsernames, namesOfPeople } from '../../directory/index.js';
import { HELPDESK_TEAM_CODE, type HelpdeskCategory } from '../contract.js';
import { insertChunked, pick, reserveRefNumbers } from '../demo-bulk.js';
import { formatInquiryRef } from '../refs.js';
import { type Db, forOtherModules } from '../repository/db.js';
import { findTeamByCode } from '../repository/teams.js';
import type { InquiryTables } from '../tables.js';

// The helpdesk's 2020, as the demo shows it: about 600 tickets a month until the whole staff went
// home in March, then more than 1,000 a month, remote access (VPN) dominating the first weeks.
// Generated and written with the demo's bulk helpers (demo-bulk.ts).

const YEAR = 2020;
/** Tickets per month of 2020. */
export const DEMO_TICKETS_PER_MONTH = [612, 588, 1243, 1187, 1096, 1042, 1011, 1004, 1068, 1121, 1089, 1025];

/** How the tickets of a month spread over the categories (weights): before, in and after March. */
const SPREAD: Record<'before' | 'march' | 'after', Record<HelpdeskCategory, number>> = {
  before: { vpn: 8, hardware: 25, software: 30, phone: 10, account: 27 },
  march: { vpn: 42, hardware: 20, software: 14, phone: 12, account: 12 },
  after: { vpn: 24, hardware: 23, software: 21, phone: 15, account: 17 },
};

/** Typical time to solve, in minutes (a median; the spread around it is wide), by period. */
const MEDIAN_MINUTES = { before: 180, march: 1500, after: 480 };

const QUESTIONS: Record<HelpdeskCategory, [fr: string, nl: string][]> = {
  vpn: [
    [
      'Je n’arrive pas à me connecter au VPN depuis chez moi.',
      'Ik kan thuis geen verbinding maken met de VPN.',
    ],
    ['Le VPN se coupe toutes les dix minutes.', 'De VPN valt om de tien minuten weg.'],
    ['Mon jeton d’accès à distance est refusé.', 'Mijn token voor toegang op afstand wordt geweigerd.'],
  ],
  hardware: [
    ['Mon portable ne démarre plus.', 'Mijn laptop start niet meer op.'],
    [
      'Je voudrais un second écran pour le télétravail.',
      'Ik zou graag een tweede scherm hebben voor telewerk.',
    ],
    ['Mon casque ne fonctionne plus dans Teams.', 'Mijn headset werkt niet meer in Teams.'],
  ],
  software: [
    [
      'Excel se ferme dès que j’ouvre un fichier partagé.',
      'Excel sluit af zodra ik een gedeeld bestand open.',
    ],
    ['Je dois installer le lecteur de carte eID.', 'Ik moet de eID-kaartlezer installeren.'],
    ['Teams ne montre plus mes réunions.', 'Teams toont mijn vergaderingen niet meer.'],
  ],
  phone: [
    [
      'Mes appels ne sont pas transférés vers mon portable.',
      'Mijn oproepen worden niet doorgeschakeld naar mijn gsm.',
    ],
    [
      'Je n’entends pas les appelants dans la file du call-center.',
      'Ik hoor de bellers in de wachtrij van het callcenter niet.',
    ],
  ],
  account: [
    ['Mon mot de passe a expiré et je suis à la maison.', 'Mijn wachtwoord is verlopen en ik ben thuis.'],
    ['Mon compte est bloqué après trois essais.', 'Mijn account is geblokkeerd na drie pogingen.'],
    [
      'Je n’ai pas accès au dossier partagé de mon service.',
      'Ik heb geen toegang tot de gedeelde map van mijn dienst.',
    ],
  ],
};

const ANSWERS: [fr: string, nl: string] = [
  'Résolu, merci de confirmer si le problème revient.',
  'Opgelost, laat het ons weten als het probleem terugkomt.',
];

const periodOf = (month: number) => (month < 2 ? 'before' : month === 2 ? 'march' : 'after');

/** A working day of the month and an hour of the office's day (Brussels is UTC+1 or +2). */
function createdAt(month: number, random: () => number): Date {
  const days = new Date(Date.UTC(YEAR, month + 1, 0)).getUTCDate();
  for (;;) {
    const day = 1 + Math.floor(random() * days);
    const weekday = new Date(Date.UTC(YEAR, month, day)).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    return new Date(Date.UTC(YEAR, month, day, 6 + Math.floor(random() * 10), Math.floor(random() * 60)));
  }
}

/** Seeds the helpdesk's 2020 and makes the demo ICT staff members of its team. */
export async function seedHelpdeskHistory(trx: Db): Promise<{ tickets: number }> {
  const team = await findTeamByCode(trx, HELPDESK_TEAM_CODE);
  if (!team) return { tickets: 0 };
  const staff = demoPeople()
    .filter((person) => !person.partner)
    .map((person) => person.username);
  const ids = await idsOfUsernames(forOtherModules(trx), staff);
  const names = await namesOfPeople(forOtherModules(trx), [...ids.values()]);
  const requesters = [...ids.values()];
  const ict = ['ict', 'ict2'].flatMap((username) => ids.get(username) ?? []);
  if (requesters.length === 0 || ict.length === 0) return { tickets: 0 };
  await trx
    .insertInto('inquiry_team_member')
    .values(ict.map((person_id) => ({ team_id: team.id, person_id })))
    .execute();

  const random = seededRandom(2020);
  // Columns left out are null: fewer values to send make a year of tickets quicker to write.
  const inquiries: Insertable<InquiryTables['inquiry']>[] = [];
  const changes: InquiryTables['inquiry_status_change'][] = [];
  const messages: InquiryTables['inquiry_message'][] = [];
  const tickets = DEMO_TICKETS_PER_MONTH.flatMap((count, month) =>
    Array.from({ length: count }, () => ({ month, at: createdAt(month, random) })),
  ).sort((a, b) => a.at.getTime() - b.at.getTime());
  let number = (await reserveRefNumbers(trx, YEAR, tickets.length)) - 1;

  for (const { month, at } of tickets) {
    const period = periodOf(month);
    const category = pick(SPREAD[period], random());
    const requester = requesters[Math.floor(random() * requesters.length)]!;
    const language = random() < 0.55 ? 'fr' : 'nl';
    const templates = QUESTIONS[category];
    const [fr, nl] = templates[Math.floor(random() * templates.length)]!;
    // A wide spread around the period's median (log-normal), at least five minutes.
    const minutes = Math.max(
      5,
      Math.round(MEDIAN_MINUTES[period] * Math.exp((random() + random() + random() - 1.5) * 2)),
    );
    // A few tickets of the last weeks are still open: the backlog the dashboard shows.
    const open = month === 11 && random() < 0.06;
    const created = at.toISOString();
    const closed = open ? null : new Date(at.getTime() + minutes * 60_000).toISOString();
    const id = randomUUID();
    const assignee = ict[Math.floor(random() * ict.length)]!;
    number += 1;
    inquiries.push({
      id,
      ref: formatInquiryRef(YEAR, number),
      channel: random() < 0.6 ? 'phone' : 'web',
      origin: 'internal_service',
      language,
      status: open ? 'in_research' : 'closed',
      question: language === 'fr' ? fr : nl,
      requester_name: names.get(requester) ?? null,
      team_id: team.id,
      assignee_id: assignee,
      created_by: requester,
      created_at: created,
      updated_at: closed ?? created,
      first_answered_at: closed,
      closed_at: closed,
      kind: 'helpdesk',
      category,
      // The laptops' tags as the equipment demo numbers them (RSVZ-LT-00042).
      asset_tag:
        category === 'hardware' && random() < 0.7
          ? `RSVZ-LT-${String(1 + Math.floor(random() * 300)).padStart(5, '0')}`
          : null,
      requester_person_id: requester,
    });
    const change = (from: string | null, to: string, when: string, actor: string) =>
      changes.push({
        id: randomUUID(),
        inquiry_id: id,
        from_status: from,
        to_status: to,
        at: when,
        actor_id: actor,
        note: null,
      });
    change(null, 'new', created, requester);
    change('new', 'escalated', created, requester);
    if (closed) {
      messages.push({
        id: randomUUID(),
        inquiry_id: id,
        kind: 'answer',
        body: language === 'fr' ? ANSWERS[0] : ANSWERS[1],
        via: 'app',
        author_id: assignee,
        created_at: closed,
      });
      change('escalated', 'closed', closed, assignee);
    } else change('escalated', 'in_research', created, assignee);
  }
  await insertChunked(trx, 'inquiry', inquiries);
  await insertChunked(trx, 'inquiry_status_change', changes);
  await insertChunked(trx, 'inquiry_message', messages);
  return { tickets: inquiries.length };
}
