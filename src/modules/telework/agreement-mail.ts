import { type Language, translate } from '../../platform/i18n/i18n.js';
import type { AgreementEventKind, AgreementStatus } from './contract.js';

// Who hears of an agreement's step, and what they read: the manager when a request waits for
// them, both parties when it is theirs to sign, the employee when it is decided, the other party
// when it ends early. Pure; the service queues the mails with the step.

export type NoticeKey = 'to_decide' | 'to_sign' | 'approved' | 'refused' | 'ended';
export type Step = {
  kind: AgreementEventKind;
  status: AgreementStatus;
  personId: string;
  managerId: string | null;
  actorId: string | null;
};

export function noticesOf(step: Step): { to: string; key: NoticeKey }[] {
  const notices: { to: string; key: NoticeKey }[] = [];
  const add = (to: string | null, key: NoticeKey) => {
    if (to && to !== step.actorId) notices.push({ to, key });
  };
  if (step.kind === 'requested') add(step.managerId, 'to_decide');
  else if (step.kind === 'refused') add(step.personId, 'refused');
  else if (step.kind === 'ended') {
    add(step.personId, 'ended');
    add(step.managerId, 'ended');
  } else if (step.kind === 'approved_by_manager' || step.kind === 'approved_by_hr') {
    if (step.status === 'awaiting_signatures') {
      add(step.personId, 'to_sign');
      add(step.managerId, 'to_sign');
    }
    if (step.status === 'approved') add(step.personId, 'approved');
  } else if (step.status === 'approved') add(step.personId, 'approved');
  return notices;
}

export function noticeMail(
  language: Language,
  key: NoticeKey,
  params: { id: string; person: string; link: string; reason: string | null },
): { subject: string; text: string } {
  const t = (part: string) =>
    translate(language, `telework.mail.${key}_${part}`, { ...params, reason: params.reason ?? '' });
  return { subject: t('subject'), text: `${t('text')}\n\n${params.link}` };
}
