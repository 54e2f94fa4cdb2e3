import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { IdentitySource } from '../../platform/auth/identity.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { type StaffCard, staffCardsOf } from '../directory/index.js';
import type { LetterInput } from './agreement-letter.js';
import { noticeMail, noticesOf } from './agreement-mail.js';
import {
  type AgreementScope,
  aliveAgreementsOf,
  appendEvent,
  type Db,
  findAgreement,
  forOtherModules,
  historyOf,
  insertAgreement,
  listAgreements,
  updateAgreement,
} from './agreement-repository.js';
import { isWritten, requestProblems } from './agreement-rules.js';
import {
  actionsFor,
  afterHrApproval,
  afterManagerApproval,
  canonicalText,
  decides,
  digestOf,
  partyOf,
  type SignedText,
  type Viewer,
  type WorkflowAgreement,
} from './agreement-workflow.js';
import type {
  Agreement,
  AgreementDecision,
  AgreementDetail,
  AgreementEnding,
  AgreementEventKind,
  AgreementListQuery,
  AgreementRequest,
  AgreementStatus,
  Regime,
} from './contract.js';
import { termsOf } from './staffing.js';
import type { AgreementRow } from './tables.js';

// An agreement's life as use cases: asked for by the employee, decided by the manager (and HR
// where the policy asks it), signed by both parties when written, ended early by either. Each
// step is checked against the workflow's rules, written with its history line and audit entry in
// one transaction, and refused (409) if someone else moved the agreement meanwhile.

const cardsOf = (db: Db, ids: readonly string[]) => staffCardsOf(forOtherModules(db), ids);

const workflowOf = (row: AgreementRow): WorkflowAgreement => ({
  personId: row.person_id,
  managerId: row.manager_id,
  regime: row.regime as Regime,
  status: row.status as AgreementStatus,
  startDate: row.start_date,
  endDate: row.end_date,
  employeeSignedAt: row.employee_signed_at,
  employerSignedAt: row.employer_signed_at,
});

const signature = (by: string | null, at: string | null, cards: Map<string, StaffCard>) =>
  by && at ? { personId: by, name: cards.get(by)?.name ?? by, at } : null;

function toAgreement(row: AgreementRow, cards: Map<string, StaffCard>): Agreement {
  const person = cards.get(row.person_id);
  return {
    id: row.id,
    personId: row.person_id,
    personName: person?.name ?? row.person_id,
    personLanguage: person?.language === 'nl' ? 'nl' : 'fr',
    regime: row.regime as Regime,
    status: row.status as AgreementStatus,
    daysPerWeek: row.days_per_week,
    weekdays: JSON.parse(row.weekdays),
    monthlyDays: row.monthly_days,
    startDate: row.start_date,
    endDate: row.end_date,
    clauses: JSON.parse(row.clauses),
    motivation: row.motivation,
    managerId: row.manager_id,
    managerName: row.manager_id ? (cards.get(row.manager_id)?.name ?? null) : null,
    written: isWritten(row.regime as Regime),
    employeeSignature: signature(row.employee_signed_by, row.employee_signed_at, cards),
    employerSignature: signature(row.employer_signed_by, row.employer_signed_at, cards),
    signedDigest: row.signed_digest,
    refusalReason: row.refusal_reason,
    requestedAt: row.requested_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

const peopleOf = (rows: readonly AgreementRow[]): string[] =>
  rows
    .flatMap((r) => [r.person_id, r.manager_id, r.employee_signed_by, r.employer_signed_by])
    .filter((id): id is string => id !== null);

async function toAgreements(db: Db, rows: readonly AgreementRow[]): Promise<Agreement[]> {
  const cards = await cardsOf(db, peopleOf(rows));
  return rows.map((row) => toAgreement(row, cards));
}

/** An agreement the viewer may see: their own, one they decide or signed for, or any for HR. */
async function visibleAgreement(db: Db, viewer: Viewer, id: string): Promise<AgreementRow> {
  const row = await findAgreement(db, id);
  const sees = row && (viewer.isHr || row.person_id === viewer.id || row.manager_id === viewer.id);
  // Someone else's agreement is answered as absent: its existence is the person's business.
  if (!row || !sees) throw notFound('telework.agreement.not_found', { agreement: id });
  return row;
}

export async function agreementDetail(caller: Caller, id: string): Promise<AgreementDetail> {
  const { db, actor, viewer, today } = caller;
  const row = await visibleAgreement(db, viewer, id);
  const history = await historyOf(db, id);
  const cards = await cardsOf(db, [
    ...peopleOf([row]),
    ...history.flatMap((e) => (e.actor_id ? [e.actor_id] : [])),
  ]);
  if (row.person_id !== viewer.id) await auditRead(db, actor, row);
  return {
    ...toAgreement(row, cards),
    history: history.map((e) => ({
      kind: e.kind as AgreementEventKind,
      at: e.at,
      actorId: e.actor_id,
      actorName: e.actor_id ? (cards.get(e.actor_id)?.name ?? null) : null,
      reason: e.reason,
    })),
    actions: actionsFor(workflowOf(row), viewer, today),
  };
}

const auditRead = (db: Db, actor: AuditActor, row: AgreementRow) =>
  writeAudit(db, actor, {
    action: 'telework.agreement_read',
    objectType: 'telework_agreement',
    objectId: row.id,
    summary: { person: row.person_id },
  });

/** The viewer's agreements, their team's (managers: what waits for them first) or everyone's (HR). */
export async function agreementList(
  caller: Caller,
  seesTeam: boolean,
  query: AgreementListQuery,
): Promise<{ items: Agreement[]; total: number }> {
  const { db, actor, viewer } = caller;
  const scopeName = query.scope ?? 'mine';
  const scope: AgreementScope | null =
    scopeName === 'mine' && viewer.id
      ? { kind: 'mine', personId: viewer.id }
      : scopeName === 'team' && seesTeam && viewer.id
        ? { kind: 'team', managerId: viewer.id }
        : scopeName === 'all' && viewer.isHr
          ? { kind: 'all' }
          : null;
  if (!scope)
    throw new AppError('telework.agreement.scope_not_yours', 403, { scope: scopeName }, [
      { field: 'scope', code: 'telework.agreement.scope_not_yours', params: { scope: scopeName } },
    ]);
  const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
  const { rows, total } = await listAgreements(
    db,
    scope,
    { ...(query.status && { status: query.status }) },
    page,
  );
  if (scope.kind !== 'mine' && rows.length > 0)
    await writeAudit(db, actor, {
      action: 'telework.agreements_listed',
      objectType: 'telework_agreement',
      objectId: null,
      summary: { scope: scope.kind, count: rows.length },
    });
  return { items: await toAgreements(db, rows), total };
}

/** The employee asks for an agreement; it goes to their manager (or HR when they have none). */
export async function requestAgreement(
  caller: Caller,
  request: AgreementRequest,
  language: Language,
): Promise<AgreementDetail> {
  const { db, actor, today, notifier } = caller;
  const personId = caller.viewer.id!;
  const id = `TW-${randomUUID().slice(0, 8).toUpperCase()}`;
  await withTransaction(db, async (trx) => {
    const terms = await termsOf(trx, personId, language);
    const others = (await aliveAgreementsOf(trx, personId)).map((a) => ({
      id: a.id,
      startDate: a.start_date,
      endDate: a.end_date,
    }));
    const problems = requestProblems(request, {
      caps: terms.caps,
      ineligibleReason: terms.ineligible?.code ?? null,
      others,
      today,
    });
    if (terms.ineligible)
      throw invalid([{ field: 'regime', code: terms.ineligible.code, params: terms.ineligible.params }]);
    if (problems.length) throw invalid(problems);
    const manager = (await cardsOf(trx, [personId])).get(personId)?.managerId ?? null;
    const at = nowInstant();
    await insertAgreement(trx, {
      id,
      person_id: personId,
      regime: request.regime,
      status: 'requested',
      days_per_week: request.daysPerWeek ?? null,
      weekdays: JSON.stringify(request.weekdays ?? []),
      monthly_days: request.monthlyDays ?? null,
      start_date: request.startDate,
      end_date: request.endDate ?? null,
      clauses: JSON.stringify(request.clauses),
      motivation: request.motivation ?? null,
      manager_id: manager,
      employee_signed_by: null,
      employee_signed_at: null,
      employer_signed_by: null,
      employer_signed_at: null,
      signed_text: null,
      signed_digest: null,
      refusal_reason: null,
      requested_at: at,
      updated_at: at,
      version: 1,
    });
    await step(
      trx,
      actor,
      { id, person_id: personId, manager_id: manager },
      'requested',
      'requested',
      at,
      null,
      notifier,
    );
  });
  return agreementDetail(caller, id);
}

/** Where notices are mailed from: the people's addresses and the link's base. */
export type Notifier = { identities: IdentitySource; publicUrl: string };

/** Who acts, on which database, on which day, and how the people concerned are told (null: not). */
export type Caller = { db: Db; actor: AuditActor; viewer: Viewer; today: string; notifier: Notifier | null };

/** One history line, its audit entry, and the mails to whoever must act or know, in one transaction. */
async function step(
  db: Db,
  actor: AuditActor,
  agreement: Pick<AgreementRow, 'id' | 'person_id' | 'manager_id'>,
  kind: AgreementEventKind,
  status: AgreementStatus,
  at: string,
  reason: string | null,
  notifier: Notifier | null,
): Promise<void> {
  await appendEvent(db, { agreement_id: agreement.id, kind, at, actor_id: actor.id, reason });
  await writeAudit(db, actor, {
    action: `telework.agreement_${kind}`,
    objectType: 'telework_agreement',
    objectId: agreement.id,
    summary: { status },
  });
  if (!notifier) return;
  const notices = noticesOf({
    kind,
    status,
    personId: agreement.person_id,
    managerId: agreement.manager_id,
    actorId: actor.id,
  });
  const person =
    (await cardsOf(db, [agreement.person_id])).get(agreement.person_id)?.name ?? agreement.person_id;
  for (const notice of notices) {
    const reader = await notifier.identities.findById(db, notice.to);
    if (!reader?.email) continue;
    const link = `${notifier.publicUrl}/telework/agreements/${encodeURIComponent(agreement.id)}`;
    await enqueueMail(db, {
      to: reader.email,
      ...noticeMail(reader.language, notice.key, { id: agreement.id, person, link, reason }),
      isAutomatic: true,
      source: 'telework',
      objectRef: agreement.id,
    });
  }
}

/**
 * Runs one step on an agreement the viewer may see: `change` checks the step is theirs to take
 * and returns the row's new columns; they are written only if nobody moved the agreement meanwhile.
 */
async function advance(
  caller: Caller,
  id: string,
  change: (
    row: AgreementRow,
    at: string,
    trx: Db,
  ) => Promise<{ changes: Partial<AgreementRow>; kind: AgreementEventKind; reason?: string | null }>,
): Promise<AgreementDetail> {
  const { db, actor, viewer, notifier } = caller;
  await withTransaction(db, async (trx) => {
    const row = await visibleAgreement(trx, viewer, id);
    const at = nowInstant();
    const { changes, kind, reason = null } = await change(row, at, trx);
    if (!(await updateAgreement(trx, id, row.version, { ...changes, updated_at: at })))
      throw conflict('telework.agreement.changed', { current: row.version + 1 });
    const status = (changes.status ?? row.status) as AgreementStatus;
    await step(trx, actor, row, kind, status, at, reason, notifier);
  });
  return agreementDetail(caller, id);
}

export function decideAgreement(
  caller: Caller,
  id: string,
  decision: AgreementDecision,
): Promise<AgreementDetail> {
  const { viewer } = caller;
  return advance(caller, id, async (row, _at, trx) => {
    const agreement = workflowOf(row);
    if (!decides(agreement, viewer))
      throw new AppError('telework.agreement.not_yours_to_decide', 403, { status: row.status });
    if (decision.decision === 'refuse') {
      if (!decision.reason?.trim())
        throw invalid([{ field: 'reason', code: 'telework.agreement.reason_required' }]);
      return {
        changes: { status: 'refused', refusal_reason: decision.reason },
        kind: 'refused',
        reason: decision.reason,
      };
    }
    const byHr = row.status === 'awaiting_hr';
    const policy = (await termsOf(trx, row.person_id, 'fr')).policy;
    // An HR member deciding a request directly (no manager) approves for both.
    const status =
      byHr || (viewer.isHr && viewer.id !== row.manager_id)
        ? afterHrApproval(agreement.regime)
        : afterManagerApproval(agreement.regime, policy.hrApproval);
    return { changes: { status }, kind: byHr ? 'approved_by_hr' : 'approved_by_manager' };
  });
}

/**
 * Signs a written agreement for the viewer's party. The second signature freezes the text both
 * parties signed (and its SHA-256), from which the signed PDF is printed ever after.
 */
export function signAgreement(caller: Caller, id: string): Promise<AgreementDetail> {
  const { viewer } = caller;
  return advance(caller, id, async (row, at, trx) => {
    const agreement = workflowOf(row);
    const party = partyOf(agreement, viewer);
    if (!party || !viewer.id) throw new AppError('telework.agreement.not_yours_to_sign', 403);
    if (row.status !== 'awaiting_signatures')
      throw conflict('telework.agreement.not_awaiting_signatures', { status: row.status });
    const signedAt = party === 'employee' ? row.employee_signed_at : row.employer_signed_at;
    if (signedAt) throw conflict('telework.agreement.already_signed', { at: signedAt.slice(0, 10) });
    const changes: Partial<AgreementRow> =
      party === 'employee'
        ? { employee_signed_by: viewer.id, employee_signed_at: at }
        : { employer_signed_by: viewer.id, employer_signed_at: at };
    const bothSigned = party === 'employee' ? row.employer_signed_at : row.employee_signed_at;
    if (bothSigned) {
      const employerId = party === 'employer' ? viewer.id : row.employer_signed_by!;
      const text = canonicalText(await signedTextOf(trx, row, employerId));
      Object.assign(changes, { status: 'approved', signed_text: text, signed_digest: digestOf(text) });
    }
    return { changes, kind: party === 'employee' ? 'signed_by_employee' : 'signed_by_employer' };
  });
}

async function signedTextOf(db: Db, row: AgreementRow, employerId: string | null): Promise<SignedText> {
  const cards = await cardsOf(db, [row.person_id, ...(employerId ? [employerId] : [])]);
  return {
    id: row.id,
    person: { id: row.person_id, name: cards.get(row.person_id)?.name ?? row.person_id },
    employer: employerId
      ? { id: employerId, name: cards.get(employerId)?.name ?? employerId }
      : { id: '', name: '…' },
    regime: row.regime as Regime,
    daysPerWeek: row.days_per_week,
    weekdays: JSON.parse(row.weekdays),
    monthlyDays: row.monthly_days,
    startDate: row.start_date,
    endDate: row.end_date,
    clauses: JSON.parse(row.clauses),
  };
}

export function withdrawAgreement(caller: Caller, id: string): Promise<AgreementDetail> {
  const { viewer, today } = caller;
  return advance(caller, id, async (row) => {
    if (row.person_id !== viewer.id)
      throw new AppError('telework.agreement.not_yours_to_decide', 403, { status: row.status });
    if (!actionsFor(workflowOf(row), viewer, today).includes('withdraw'))
      throw conflict('telework.agreement.not_withdrawable', { status: row.status });
    return { changes: { status: 'withdrawn' }, kind: 'withdrawn' };
  });
}

/** Ends an approved agreement early (either party): the new last day falls between today and its end. */
export function endAgreement(caller: Caller, id: string, ending: AgreementEnding): Promise<AgreementDetail> {
  const { viewer, today } = caller;
  return advance(caller, id, async (row) => {
    if (!actionsFor(workflowOf(row), viewer, today).includes('end'))
      throw conflict('telework.agreement.not_endable', { status: row.status });
    // ISO days sort as text: the later of its start and today.
    const earliest = [row.start_date, today].sort()[1]!;
    if (ending.endDate < earliest || (row.end_date !== null && ending.endDate > row.end_date))
      throw invalid([
        {
          field: 'endDate',
          code: 'telework.agreement.end_outside',
          params: { start: earliest, end: row.end_date ?? '…' },
        },
      ]);
    return { changes: { end_date: ending.endDate }, kind: 'ended', reason: ending.reason };
  });
}

/**
 * The written agreement to print: the frozen text both parties signed once it is signed, else the
 * live one, the employer represented by the deciding manager. Reading someone else's is audited.
 */
export async function agreementLetter(caller: Caller, id: string): Promise<LetterInput> {
  const { db, actor, viewer } = caller;
  const row = await visibleAgreement(db, viewer, id);
  if (row.person_id !== viewer.id) await auditRead(db, actor, row);
  const employerId = row.employer_signed_by ?? row.manager_id;
  const text: SignedText = row.signed_text
    ? JSON.parse(row.signed_text)
    : await signedTextOf(db, row, employerId);
  const cards = await cardsOf(db, peopleOf([row]));
  const at = (by: string | null, when: string | null) =>
    by && when ? { name: cards.get(by)?.name ?? by, at: when } : null;
  return {
    ...text,
    employeeLanguage: cards.get(row.person_id)?.language === 'nl' ? 'nl' : 'fr',
    employeeSignature: at(row.employee_signed_by, row.employee_signed_at),
    employerSignature: at(row.employer_signed_by, row.employer_signed_at),
    digest: row.signed_digest,
  };
}
