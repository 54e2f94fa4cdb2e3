import type { AuditActor } from '../../platform/audit/audit.js';
import { brusselsDay } from '../../platform/db/time.js';
import { demoPeople, idsOfUsernames, staffCardsOf } from '../directory/index.js';
import { appendEvent, type Db, forOtherModules, insertAgreement } from './agreement-repository.js';
import { capsFor, floorToHalfDay } from './agreement-rules.js';
import { canonicalText, digestOf } from './agreement-workflow.js';
import type { AgreementDay, AgreementEventKind, AgreementStatus, Regime, Weekday } from './contract.js';
import { putFunction, putProfile } from './staffing.js';

// Demo telework: the functions (teleworkable or not), every member of staff's function and
// occupation, and agreements of every regime and every step, so that each screen shows something
// real after `npm start`: Marc Manager has requests to decide and one to sign, the signed ones
// print with their fingerprint, and Emma Employee has none yet — hers is the one to ask for.

const FUNCTIONS: { code: string; fr: string; nl: string; teleworkable: boolean }[] = [
  { code: 'agent-call-center', fr: 'Agent du call center', nl: 'Callcentermedewerker', teleworkable: true },
  { code: 'juriste', fr: 'Juriste', nl: 'Jurist', teleworkable: true },
  { code: 'redacteur', fr: 'Rédacteur', nl: 'Redacteur', teleworkable: true },
  { code: 'responsable-equipe', fr: "Responsable d'équipe", nl: 'Teamverantwoordelijke', teleworkable: true },
  { code: 'gestionnaire-rh', fr: 'Gestionnaire RH', nl: 'HR-beheerder', teleworkable: true },
  { code: 'informaticien', fr: 'Informaticien', nl: 'Informaticus', teleworkable: true },
  // About 8% of staff (GLOSSARY): reception, cleaning, drivers, the mail room and logistics.
  { code: 'logistique', fr: 'Collaborateur logistique', nl: 'Logistiek medewerker', teleworkable: false },
  { code: 'accueil', fr: 'Accueil', nl: 'Onthaal', teleworkable: false },
];

const FUNCTION_OF_UNIT: Record<string, string> = {
  'call-center': 'agent-call-center',
  'audit-externe': 'juriste',
  'etudes-juridiques': 'juriste',
  communication: 'redacteur',
  'dir-services': 'responsable-equipe',
  hr: 'gestionnaire-rh',
  ict: 'informaticien',
  facility: 'logistique',
};

const CLAUSES = {
  place: 'Domicile / Woonplaats',
  reachableFrom: '09:00',
  reachableTo: '16:00',
  equipment: 'Ordinateur portable, casque, écran sur demande / Laptop, headset, scherm op aanvraag',
  costs: 'Indemnité de connexion de 20 € par mois / Verbindingsvergoeding van 20 € per maand',
  followUp: "Réunion d'équipe hebdomadaire / Wekelijkse teamvergadering",
  ending: "Préavis d'un mois / Opzegtermijn van een maand",
};

type Demo = {
  username: string;
  regime: Regime;
  days?: number;
  monthly?: number;
  status: AgreementStatus;
  start: string;
  /** Whether the employee already signed a written agreement awaiting signatures. */
  employeeSigned?: boolean;
};

const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Whole days on spread weekdays, then a morning for a half: 2.5 from Tuesday is tue, thu, fri am. */
function weekdaysFor(days: number, offset: number): AgreementDay[] {
  const whole = Math.floor(days);
  const picked = Array.from({ length: whole + (days % 1 ? 1 : 0) }, (_, i) => WEEK[(offset + i * 2) % 5]!);
  return [...new Set(picked)].map((day, i) => ({ day, part: i < whole ? 'day' : 'am' }));
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedAgreementDemo(db: Db, actor: AuditActor): Promise<void> {
  for (const fn of FUNCTIONS)
    await putFunction(db, actor, {
      code: fn.code,
      name: { fr: fn.fr, nl: fn.nl },
      teleworkable: fn.teleworkable,
    });
  const staff = demoPeople().filter((p) => !p.partner && p.orgUnit);
  const ids = await idsOfUsernames(
    forOtherModules(db),
    staff.map((p) => p.username),
  );
  const occupation = new Map<string, number>();
  for (const [i, person] of staff.entries()) {
    // Every seventh works 80%, every thirteenth half time; the named accounts full time.
    const pct = i < 10 ? 100 : i % 13 === 0 ? 50 : i % 7 === 0 ? 80 : 100;
    occupation.set(person.username, pct);
    await putProfile(
      db,
      actor,
      ids.get(person.username)!,
      { functionCode: FUNCTION_OF_UNIT[person.orgUnit!] ?? 'gestionnaire-rh', occupationPct: pct },
      async () => true,
    );
  }
  const today = brusselsDay();
  const demos: Demo[] = [
    { username: 'expert', regime: 'structural', days: 2, status: 'approved', start: '2020-09-01' },
    { username: 'reviewer', regime: 'mixed', days: 1, monthly: 2, status: 'approved', start: '2021-01-04' },
    { username: 'agent', regime: 'occasional', monthly: 4, status: 'approved', start: '2020-09-01' },
    { username: 'hr', regime: 'structural', days: 1, status: 'approved', start: '2020-09-01' },
    { username: 'manager', regime: 'structural', days: 1, status: 'approved', start: '2020-09-01' },
    {
      username: 'ict',
      regime: 'structural',
      days: 3,
      status: 'awaiting_signatures',
      start: addDays(today, 14),
      employeeSigned: true,
    },
    { username: 'editor', regime: 'structural', days: 2.5, status: 'requested', start: addDays(today, 21) },
    { username: 'expert3', regime: 'occasional', monthly: 6, status: 'requested', start: addDays(today, 7) },
  ];
  // The crowd of the call center and the back office: structural most, occasional some, none a few.
  for (const [i, person] of staff.slice(10).entries()) {
    if (person.orgUnit === 'facility' || i % 6 === 5) continue;
    const cap = capsFor(
      { weeklyCapDays: 3, monthlyCapDays: null },
      occupation.get(person.username)!,
    ).weeklyCapDays;
    demos.push(
      i % 4 === 3
        ? {
            username: person.username,
            regime: 'occasional',
            monthly: 4,
            status: 'approved',
            start: '2020-09-01',
          }
        : {
            username: person.username,
            regime: 'structural',
            days: Math.min(cap, floorToHalfDay(1 + (i % 5) * 0.5)),
            status: 'approved',
            start: i % 2 ? '2020-09-01' : '2021-06-14',
          },
    );
  }
  const cards = await staffCardsOf(forOtherModules(db), [...ids.values()]);
  for (const [i, demo] of demos.entries()) await seedOne(db, demo, i, ids, cards);
}

async function seedOne(
  db: Db,
  demo: Demo,
  index: number,
  ids: Map<string, string>,
  cards: Awaited<ReturnType<typeof staffCardsOf>>,
): Promise<void> {
  const personId = ids.get(demo.username)!;
  const person = cards.get(personId)!;
  const managerId = person.managerId;
  const employer = managerId ? cards.get(managerId) : undefined;
  const weekdays = demo.days ? weekdaysFor(demo.days, index) : [];
  const requestedAt = `${addDays(demo.start, -20)}T08:30:00.000Z`;
  const decidedAt = `${addDays(demo.start, -15)}T10:00:00.000Z`;
  const signedAt = `${addDays(demo.start, -10)}T11:00:00.000Z`;
  const written = demo.regime !== 'occasional';
  const approved = demo.status === 'approved';
  const employerSigned = written && approved;
  const employeeSigned = written && (approved || demo.employeeSigned === true);
  const id = `TW-DEMO${String(index + 1).padStart(3, '0')}`;
  const text = canonicalText({
    id,
    person: { id: personId, name: person.name },
    employer: { id: managerId ?? '', name: employer?.name ?? '' },
    regime: demo.regime,
    daysPerWeek: demo.days ?? null,
    weekdays,
    monthlyDays: demo.monthly ?? null,
    startDate: demo.start,
    endDate: null,
    clauses: written ? CLAUSES : { place: CLAUSES.place, reachableFrom: '09:00', reachableTo: '16:00' },
  });
  await insertAgreement(db, {
    id,
    person_id: personId,
    regime: demo.regime,
    status: demo.status,
    days_per_week: demo.days ?? null,
    weekdays: JSON.stringify(weekdays),
    monthly_days: demo.monthly ?? null,
    start_date: demo.start,
    end_date: null,
    clauses: JSON.stringify(JSON.parse(text).clauses),
    motivation: null,
    manager_id: managerId,
    employee_signed_by: employeeSigned ? personId : null,
    employee_signed_at: employeeSigned ? signedAt : null,
    employer_signed_by: employerSigned ? managerId : null,
    employer_signed_at: employerSigned ? signedAt : null,
    signed_text: employerSigned ? text : null,
    signed_digest: employerSigned ? digestOf(text) : null,
    refusal_reason: null,
    requested_at: requestedAt,
    updated_at: employerSigned ? signedAt : requestedAt,
    version: 1,
  });
  const steps: [AgreementEventKind, string, string | null][] = [['requested', requestedAt, personId]];
  if (demo.status !== 'requested') steps.push(['approved_by_manager', decidedAt, managerId]);
  if (employeeSigned) steps.push(['signed_by_employee', signedAt, personId]);
  if (employerSigned) steps.push(['signed_by_employer', signedAt, managerId]);
  for (const [kind, at, actorId] of steps)
    await appendEvent(db, { agreement_id: id, kind, at, actor_id: actorId, reason: null });
}
