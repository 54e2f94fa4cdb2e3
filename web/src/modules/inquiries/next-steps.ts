import type { Status } from '../../../../src/modules/inquiries/contract.js';

/** What can be done on an inquiry's page, each one a form (or, for `claim`, a button). */
export type InquiryAction =
  | 'claim'
  | 'answer'
  | 'ask_fund'
  | 'message'
  | 'escalate'
  | 'propose_faq'
  | 'flag'
  | 'close';

/** The person's situation towards one inquiry, as the page knows it. */
export type NextStepInput = {
  status: Status;
  /** May work on inquiries at all (inquiries.work). */
  canWork: boolean;
  /** Is in the team that holds it, or holds it: may research and answer it. */
  isTeamWork: boolean;
  /** May take it (a member of its team, not its holder yet). */
  canClaim: boolean;
  /** May turn its answer into an FAQ draft (inquiries.propose_faq). */
  canPropose: boolean;
  /** An answer is on its thread: what an FAQ proposal is made of. */
  hasAnswer: boolean;
  /** An FAQ draft was already made from it. */
  hasFaqDraft: boolean;
};

/** One action to do now, shown open; the others at hand, opened on demand. */
export type NextSteps = { primary: InquiryAction | null; others: InquiryAction[] };

/** The order the other actions are listed in: the inquiry's own work first, bookkeeping last. */
const ORDER: readonly InquiryAction[] = [
  'claim',
  'answer',
  'ask_fund',
  'message',
  'escalate',
  'propose_faq',
  'flag',
  'close',
];

/** What fits the inquiry's status, whatever comes first. */
function available(input: NextStepInput): Set<InquiryAction> {
  const isOpen = input.status !== 'closed';
  // Without an answer there is nothing to propose (the server would refuse); a draft made shows its link.
  const canPropose = input.canPropose && (input.hasAnswer || input.hasFaqDraft);
  const actions = new Set<InquiryAction>();
  if (!input.canWork) {
    if (canPropose) actions.add('propose_faq');
    return actions;
  }
  if (input.canClaim && isOpen) actions.add('claim');
  if (input.isTeamWork && isOpen) {
    actions.add('answer');
    actions.add('ask_fund');
  }
  if (isOpen) {
    actions.add('message');
    actions.add('escalate');
    actions.add('close');
  }
  if (canPropose) actions.add('propose_faq');
  actions.add('flag');
  return actions;
}

/** The step the status calls for, among those available, in order of preference. */
function preferred(input: NextStepInput): InquiryAction[] {
  switch (input.status) {
    case 'new':
      // On the agents' side: answer the person (a reply on the thread) or send it to experts.
      return ['message', 'escalate'];
    case 'escalated':
    case 'in_research':
    case 'waiting_partner':
      // The team's work: take it first, then answer; others follow what happens on the thread.
      return ['claim', 'answer', 'message'];
    case 'answered':
      // Answered: worth keeping as an FAQ entry if nobody did yet, else done.
      return input.hasFaqDraft ? ['close'] : ['propose_faq', 'close'];
    case 'callback_pending':
      // The callback is made from the agents' pool; here one logs what was said, or closes.
      return ['message', 'close'];
    case 'closed':
      return input.hasFaqDraft ? [] : ['propose_faq'];
  }
}

/**
 * The actions an inquiry's page offers: the one its status calls for, shown open with its button
 * as the page's primary, and the others that fit, listed to open on demand. Never more than the
 * person may do: a closed inquiry offers only a flag (and an FAQ proposal), a reader nothing.
 */
export function nextSteps(input: NextStepInput): NextSteps {
  const actions = available(input);
  const primary = preferred(input).find((action) => actions.has(action)) ?? null;
  return { primary, others: ORDER.filter((action) => action !== primary && actions.has(action)) };
}
