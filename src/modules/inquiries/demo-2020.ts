import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Insertable } from 'kysely';
import { projectFile } from '../../platform/project-files.js';
import { seededRandom } from '../../platform/seeded-random.js';
import { demoPeople, idsOfUsernames, listPartnerOrganisations } from '../directory/index.js';
import type { Channel, Origin, Status } from './contract.js';
import {
  ANSWERS,
  FIRST_NAMES,
  IN_GERMAN,
  LAST_NAMES,
  QUESTIONS_BY_THEME,
  type Texts,
  UNTHEMED,
} from './demo-2020-texts.js';
import { insertChunked, oneOf, pick, reserveRefNumbers } from './demo-bulk.js';
import { daysBetween } from './figures.js';
import { formatInquiryRef } from './refs.js';
import { type Db, forOtherModules } from './repository/db.js';
import { instantAtWallClock } from './service-level/time-zone.js';
import type { InquiryTables } from './tables.js';

// The call center's 2020 as the demo shows it: a few thousand inquiries from every channel and
// origin. Phone inquiries follow the shipped call records day by day (an agent logs about one
// answered call in twenty-five, at the time it was answered); the crisis line opened on Monday 16
// March. Mail came to the crisis mailbox from May on; the web form, the funds and social networks
// all year, swelling with the calls. Nearly all are closed: answered at once, or researched by an
// expert team (some after asking a fund) and answered by mail or by a callback. A few of the last
// days of December are still open, so the queues hold a little work and no flood.

const YEAR = 2020;
const CALLS_FILE = projectFile('demo', 'callcenter', 'calls-2020.csv');
const MAILBOX_OPENED_ON = '2020-05-04';
/** Share of the answered calls an agent logged as an inquiry. */
const PHONE_SHARE = 0.042;
/** Other channels per day: a quiet baseline, a share of the day's calls, the mailbox's own flow. */
const OTHERS_PER_WORKING_DAY = 1.6;
const OTHERS_PER_WEEKEND_DAY = 0.4;
const OTHERS_PER_CALL = 0.02;
const MAILS_PER_WORKING_DAY = 3;
/** From this day on an inquiry may still be open (the queues' work at the end of the year). */
const OPEN_FROM = '2020-12-21';
const OPEN_SHARE = 0.3;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const OTHER_CHANNELS = { web: 40, partner: 30, social: 15 } satisfies Partial<Record<Channel, number>>;
const ORIGINS_OF: Record<Channel, Partial<Record<Origin, number>>> = {
  phone: {
    self_employed: 92,
    fund: 2,
    minister_office: 1,
    complaints_service: 1,
    expert_cell: 2,
    internal_service: 2,
  },
  email: {
    self_employed: 68,
    fund: 4,
    minister_office: 10,
    complaints_service: 8,
    expert_cell: 5,
    internal_service: 5,
  },
  web: { self_employed: 94, complaints_service: 4, internal_service: 2 },
  partner: { fund: 100 },
  social: { self_employed: 100 },
};
/** How often an inquiry goes to an expert team, by channel; the ministers' and complaints' more often. */
const ESCALATION: Record<Channel, number> = { phone: 0.16, email: 0.3, web: 0.22, partner: 0.5, social: 0.1 };
const THEMES_EARLY = {
  'droit-passerelle': 45,
  cotisations: 15,
  secteurs: 15,
  'famille-sante': 5,
  statut: 5,
  procedure: 4,
  cumul: 7,
  organisation: 4,
  none: 10,
};
const THEMES_LATER = {
  'droit-passerelle': 28,
  cotisations: 20,
  secteurs: 8,
  'famille-sante': 6,
  statut: 10,
  procedure: 12,
  cumul: 10,
  organisation: 4,
  none: 12,
};
/** Which team researched each theme's hard questions (the demo's three teams). */
const TEAM_OF_THEME: Record<string, string> = {
  'droit-passerelle': 'expertiz',
  secteurs: 'expertiz',
  'famille-sante': 'expertiz',
  cotisations: 'audit-externe',
  cumul: 'audit-externe',
  organisation: 'audit-externe',
  statut: 'etudes-juridiques',
  procedure: 'etudes-juridiques',
  none: 'etudes-juridiques',
};
/**
 * Who researched for each team, by demo username; not `expert` nor `agent`, whose own work the demo
 * and its tests start empty.
 */
const RESEARCHERS: Record<string, string[]> = {
  expertiz: ['expert3', 'expert4'],
  'audit-externe': ['expert3'],
  'etudes-juridiques': ['expert2', 'expert4'],
};

type Arrival = { at: number; channel: Channel; language?: 'fr' | 'nl' };

/** The answered calls of each Brussels day of 2020 (the shipped records), as instants. */
function answeredCallsByDay(): Map<string, { at: number; language: 'fr' | 'nl' }[]> {
  const days = new Map<string, { at: number; language: 'fr' | 'nl' }[]>();
  const lines = fs.readFileSync(CALLS_FILE, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const [, , language, received, answered] = lines[i]!.split(',');
    if (!answered || !received) continue;
    // The local day is written in the record itself (2020-03-16T08:00:28+01:00).
    const day = received.slice(0, 10);
    const list = days.get(day) ?? [];
    list.push({ at: Date.parse(answered), language: language === 'nl' ? 'nl' : 'fr' });
    days.set(day, list);
  }
  return days;
}

/** When each inquiry of 2020 arrived and by which channel, oldest first. */
function arrivals(random: () => number): Arrival[] {
  const calls = answeredCallsByDay();
  const list: Arrival[] = [];
  for (const day of daysBetween(`${YEAR}-01-01`, `${YEAR}-12-31`)) {
    const ofDay = calls.get(day) ?? [];
    for (const call of ofDay)
      if (random() < PHONE_SHARE)
        list.push({
          at: call.at + (1 + Math.floor(random() * 4)) * MINUTE,
          channel: 'phone',
          language: call.language,
        });
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const isWorkingDay = weekday !== 0 && weekday !== 6;
    const channels: Partial<Record<Channel, number>> = { ...OTHER_CHANNELS };
    let expected =
      (isWorkingDay ? OTHERS_PER_WORKING_DAY : OTHERS_PER_WEEKEND_DAY) + ofDay.length * OTHERS_PER_CALL;
    if (day >= MAILBOX_OPENED_ON) {
      channels.email = 45;
      if (isWorkingDay) expected += MAILS_PER_WORKING_DAY;
    }
    for (let n = Math.floor(expected + random()); n > 0; n--) {
      const channel = pick(channels as Record<Channel, number>, random());
      // People write from early morning to late evening; the funds during office hours.
      const minute = channel === 'partner' ? 8 * 60 + random() * 9 * 60 : 7 * 60 + random() * 15 * 60;
      list.push({ at: instantAtWallClock(day, Math.floor(minute), 'Europe/Brussels').getTime(), channel });
    }
  }
  return list.sort((a, b) => a.at - b.at);
}

type Rows = {
  inquiries: Insertable<InquiryTables['inquiry']>[];
  changes: InquiryTables['inquiry_status_change'][];
  messages: InquiryTables['inquiry_message'][];
  callbacks: InquiryTables['inquiry_callback'][];
  attempts: InquiryTables['inquiry_callback_attempt'][];
  requests: InquiryTables['inquiry_partner_request'][];
};

type Cast = {
  agents: string[];
  researchers: Map<string, string[]>;
  teams: Map<string, string>;
  funds: string[];
};

/** Seeds the call center's 2020; `teams` are the demo teams' ids by code. */
export async function seedCallCenter2020(
  trx: Db,
  teams: Map<string, string>,
): Promise<{ inquiries: number }> {
  const people = demoPeople();
  const agentNames = people
    .filter((p) => p.roles.includes('agent') && p.username !== 'agent')
    .map((p) => p.username);
  const ids = await idsOfUsernames(forOtherModules(trx), [
    ...agentNames,
    ...Object.values(RESEARCHERS).flat(),
  ]);
  const funds = (await listPartnerOrganisations(forOtherModules(trx)))
    .filter((partner) => partner.kind === 'fund')
    .map((partner) => partner.id);
  const researchers = new Map(
    Object.entries(RESEARCHERS).map(([team, names]) => [team, names.flatMap((name) => ids.get(name) ?? [])]),
  );
  const cast: Cast = { agents: agentNames.flatMap((name) => ids.get(name) ?? []), researchers, teams, funds };
  if (cast.agents.length === 0 || funds.length === 0 || teams.size === 0) return { inquiries: 0 };

  const random = seededRandom(16_03_2020);
  const list = arrivals(random);
  const first = await reserveRefNumbers(trx, YEAR, list.length);
  const rows: Rows = { inquiries: [], changes: [], messages: [], callbacks: [], attempts: [], requests: [] };
  for (const [index, arrival] of list.entries())
    story(rows, cast, arrival, formatInquiryRef(YEAR, first + index), random);
  await insertChunked(trx, 'inquiry', rows.inquiries);
  await insertChunked(trx, 'inquiry_status_change', rows.changes);
  await insertChunked(trx, 'inquiry_message', rows.messages);
  await insertChunked(trx, 'inquiry_partner_request', rows.requests);
  await insertChunked(trx, 'inquiry_callback', rows.callbacks);
  await insertChunked(trx, 'inquiry_callback_attempt', rows.attempts);
  return { inquiries: rows.inquiries.length };
}

/** A delay in ms around a median (log-normal spread), slower in the spring's flood. */
function delay(random: () => number, medianMs: number, at: number): number {
  const month = new Date(at).getUTCMonth();
  const flood = month === 2 || month === 3 ? 3 : 1;
  return Math.max(
    MINUTE,
    Math.round(medianMs * flood * Math.exp((random() + random() + random() - 1.5) * 1.5)),
  );
}

const iso = (at: number) => new Date(at).toISOString();

/** One inquiry of 2020 from arrival to closing (or still open), written into `rows`. */
function story(rows: Rows, cast: Cast, arrival: Arrival, ref: string, random: () => number): void {
  const { at, channel } = arrival;
  const id = randomUUID();
  const origin = pick(ORIGINS_OF[channel] as Record<Origin, number>, random());
  const language = arrival.language ?? (random() < 0.02 ? 'de' : random() < 0.45 ? 'fr' : 'nl');
  const theme = pick(at < Date.parse('2020-06-01') ? THEMES_EARLY : THEMES_LATER, random());
  const texts: Texts = theme === 'none' ? UNTHEMED : oneOf(QUESTIONS_BY_THEME[theme]!, random());
  const name = `${oneOf(FIRST_NAMES, random())} ${oneOf(LAST_NAMES, random())}`;
  const fund = origin === 'fund' || channel === 'partner' ? oneOf(cast.funds, random()) : null;
  const agent = oneOf(cast.agents, random());
  const isOpen = iso(at).slice(0, 10) >= OPEN_FROM && random() < OPEN_SHARE;
  const escalationShare =
    origin === 'minister_office' || origin === 'complaints_service' ? 0.7 : ESCALATION[channel];
  // Open ones stop somewhere on the way: waiting in the agents' list, in a team's queue, in research, or for a callback.
  const stopAt = isOpen
    ? pick({ new: 3, escalated: 3, in_research: 2, callback_pending: 3 }, random())
    : null;
  const isEscalated = (stopAt !== null && stopAt !== 'new') || random() < escalationShare;
  const teamCode = TEAM_OF_THEME[theme]!;
  const teamId = isEscalated ? (cast.teams.get(teamCode) ?? null) : null;
  const researcher = oneOf(cast.researchers.get(teamCode) ?? cast.agents, random());
  const canCallBack = channel === 'phone' || stopAt === 'callback_pending' || random() < 0.3;

  let status = 'new' as Status;
  let time = at;
  let assignee: string | null = channel === 'phone' || channel === 'social' ? agent : null;
  let firstAnswered: number | null = null;
  let closed: number | null = null;
  const move = (to: Status, when: number, actor: string | null) => {
    rows.changes.push({
      id: randomUUID(),
      inquiry_id: id,
      from_status: status,
      to_status: to,
      at: iso(when),
      actor_id: actor,
      note: null,
    });
    status = to;
    time = when;
  };
  const say = (kind: string, body: Texts, when: number, author: string | null, via: string | null) =>
    rows.messages.push({
      id: randomUUID(),
      inquiry_id: id,
      kind,
      body: language === 'nl' ? body[1] : body[0],
      via,
      author_id: author,
      created_at: iso(when),
    });
  rows.changes.push({
    id: randomUUID(),
    inquiry_id: id,
    from_status: null,
    to_status: 'new',
    at: iso(at),
    actor_id: assignee,
    note: null,
  });

  if (!isEscalated && stopAt !== 'new') {
    // The agent answers: during the call, or from the mailbox's and the web's backlog.
    assignee ??= agent;
    const answeredAt = channel === 'phone' ? at + 2 * MINUTE : at + delay(random, 5 * HOUR, at);
    say(
      'answer',
      ANSWERS.agent,
      answeredAt,
      assignee,
      channel === 'email' || channel === 'web' ? 'email' : null,
    );
    move('answered', answeredAt, assignee);
    move('closed', answeredAt, assignee);
    firstAnswered = closed = answeredAt;
  } else if (stopAt !== 'new') {
    move('escalated', at + delay(random, 10 * MINUTE, at), assignee ?? agent);
    if (stopAt !== 'escalated') {
      assignee = researcher;
      move('in_research', time + delay(random, 6 * HOUR, at), researcher);
      if (fund && random() < 0.5 && stopAt === null) {
        // A request to the fund, answered in its portal a day or two later.
        const answeredAt = time + delay(random, DAY, at);
        rows.requests.push({
          id: randomUUID(),
          inquiry_id: id,
          partner_id: fund,
          question: language === 'nl' ? ANSWERS.fundQuestion[1] : ANSWERS.fundQuestion[0],
          status: 'answered',
          asked_by: researcher,
          asked_at: iso(time + 10 * MINUTE),
          answer: language === 'nl' ? ANSWERS.fundAnswer[1] : ANSWERS.fundAnswer[0],
          answered_by: null,
          answered_at: iso(answeredAt),
        });
        move('waiting_partner', time + 10 * MINUTE, researcher);
        move('in_research', answeredAt, null);
      }
      if (stopAt !== 'in_research') {
        const answeredAt = time + delay(random, DAY, at);
        firstAnswered = answeredAt;
        if (canCallBack)
          answerByCallback(rows, { id, researcher, agent, answeredAt, isPending: stopAt !== null }, random);
        say('answer', ANSWERS.expert, answeredAt, researcher, canCallBack ? 'phone' : 'email');
        if (canCallBack) {
          move('callback_pending', answeredAt, researcher);
          const callback = rows.callbacks.at(-1)!;
          if (callback.closed_at) {
            move('closed', Date.parse(callback.closed_at), agent);
            closed = time;
          }
        } else {
          move('answered', answeredAt, researcher);
          move('closed', answeredAt, researcher);
          closed = answeredAt;
        }
      }
    }
  }
  rows.inquiries.push({
    id,
    ref,
    channel,
    origin,
    language,
    status,
    theme: theme === 'none' ? null : theme,
    question: language === 'de' ? IN_GERMAN : language === 'nl' ? texts[1] : texts[0],
    requester_name: name,
    requester_email:
      channel === 'email' || channel === 'web'
        ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.be`
        : null,
    requester_phone: canCallBack
      ? `+32 47${Math.floor(random() * 10)} ${String(100_000 + Math.floor(random() * 900_000))}`
      : null,
    requester_fund_id: fund,
    partner_id: channel === 'partner' ? fund : null,
    team_id: teamId,
    assignee_id: status === 'escalated' ? null : assignee,
    created_by: channel === 'phone' || channel === 'social' ? agent : null,
    created_at: iso(at),
    updated_at: iso(time),
    first_answered_at: firstAnswered === null ? null : iso(firstAnswered),
    closed_at: closed === null ? null : iso(closed),
    kind: 'citizen',
  });
}

/** The callback an expert's answer asks for: done (reached, sometimes at the second try) or still pending. */
function answerByCallback(
  rows: Rows,
  input: { id: string; researcher: string; agent: string; answeredAt: number; isPending: boolean },
  random: () => number,
): void {
  const callbackId = randomUUID();
  const due = input.answeredAt + 2 * HOUR;
  const tries = input.isPending ? 0 : random() < 0.25 ? 2 : 1;
  let at = due + delay(random, HOUR, due);
  for (let attempt = 1; attempt <= tries; attempt++) {
    rows.attempts.push({
      id: randomUUID(),
      callback_id: callbackId,
      agent_id: input.agent,
      outcome: attempt < tries ? 'no_answer' : 'reached',
      note: null,
      at: iso(at),
    });
    if (attempt < tries) at += delay(random, 3 * HOUR, at);
  }
  rows.callbacks.push({
    id: callbackId,
    inquiry_id: input.id,
    status: input.isPending ? 'pending' : 'done',
    due_at: iso(due),
    attempts: tries,
    max_attempts: 3,
    claimed_by: null,
    fallback: null,
    created_by: input.researcher,
    created_at: iso(input.answeredAt),
    closed_at: input.isPending ? null : iso(at),
  });
}
