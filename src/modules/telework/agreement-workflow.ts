import { createHash } from 'node:crypto';
import { isWritten } from './agreement-rules.js';
import type { AgreementAction, AgreementClauses, AgreementDay, AgreementStatus, Regime } from './contract.js';

// The steps of an agreement, as plain decisions: which status follows an approval or a signature,
// and what a viewer may do now. The service applies them in a transaction; the screen shows the
// viewer's `actions` as buttons.

export type WorkflowAgreement = {
  personId: string;
  managerId: string | null;
  regime: Regime;
  status: AgreementStatus;
  startDate: string;
  endDate: string | null;
  employeeSignedAt: string | null;
  employerSignedAt: string | null;
};

/** Who looks: their id, and whether they decide for HR (HR, admin). */
export type Viewer = { id: string | null; isHr: boolean };

const UNDECIDED: readonly AgreementStatus[] = ['requested', 'awaiting_hr'];

/** The status after the manager approves: HR next where the policy asks it, then the signatures. */
export const afterManagerApproval = (regime: Regime, hrApproval: boolean): AgreementStatus =>
  hrApproval ? 'awaiting_hr' : afterHrApproval(regime);
export const afterHrApproval = (regime: Regime): AgreementStatus =>
  isWritten(regime) ? 'awaiting_signatures' : 'approved';

/** Which party a signer signs for: the employee signs their own, the manager (or HR) for the employer. */
export function partyOf(a: WorkflowAgreement, viewer: Viewer): 'employee' | 'employer' | null {
  if (viewer.id !== null && viewer.id === a.personId) return 'employee';
  if ((viewer.id !== null && viewer.id === a.managerId) || viewer.isHr) return 'employer';
  return null;
}

/** Whether the viewer decides the agreement's current step (a manager never decides their own). */
export function decides(a: WorkflowAgreement, viewer: Viewer): boolean {
  if (viewer.id === a.personId) return false;
  if (a.status === 'requested') return viewer.id === a.managerId || viewer.isHr;
  return a.status === 'awaiting_hr' && viewer.isHr;
}

export function actionsFor(a: WorkflowAgreement, viewer: Viewer, today: string): AgreementAction[] {
  const actions: AgreementAction[] = [];
  if (decides(a, viewer)) actions.push('approve', 'refuse');
  if (a.status === 'awaiting_signatures') {
    const party = partyOf(a, viewer);
    if (party === 'employee' && !a.employeeSignedAt) actions.push('sign');
    if (party === 'employer' && !a.employerSignedAt) actions.push('sign');
  }
  if (UNDECIDED.includes(a.status) && viewer.id === a.personId) actions.push('withdraw');
  if (a.status === 'approved' && (a.endDate === null || a.endDate >= today) && partyOf(a, viewer))
    actions.push('end');
  return actions;
}

/** The text both parties sign, in a stable order, so its digest proves what was signed. */
export type SignedText = {
  id: string;
  person: { id: string; name: string };
  employer: { id: string; name: string };
  regime: Regime;
  daysPerWeek: number | null;
  weekdays: AgreementDay[];
  monthlyDays: number | null;
  startDate: string;
  endDate: string | null;
  clauses: AgreementClauses;
};

const CLAUSE_ORDER = [
  'place',
  'reachableFrom',
  'reachableTo',
  'equipment',
  'costs',
  'followUp',
  'ending',
] as const;

export function canonicalText(text: SignedText): string {
  const clauses = Object.fromEntries(
    CLAUSE_ORDER.filter((key) => text.clauses[key] !== undefined).map((key) => [key, text.clauses[key]]),
  );
  return JSON.stringify({
    id: text.id,
    person: { id: text.person.id, name: text.person.name },
    employer: { id: text.employer.id, name: text.employer.name },
    regime: text.regime,
    daysPerWeek: text.daysPerWeek,
    weekdays: text.weekdays.map((d) => ({ day: d.day, part: d.part })),
    monthlyDays: text.monthlyDays,
    startDate: text.startDate,
    endDate: text.endDate,
    clauses,
  });
}

export const digestOf = (canonical: string): string => createHash('sha256').update(canonical).digest('hex');
