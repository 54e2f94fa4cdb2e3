import type { AuditActor } from '../../../platform/audit/audit.js';
import { withGroupCommit } from '../../../platform/db/group-commit.js';
import { brusselsDay } from '../../../platform/db/time.js';
import { AppError, type FieldError, invalid } from '../../../platform/errors.js';
import { partnerCodes } from '../../directory/index.js';
import { getThemeForField } from '../../knowledge/index.js';
import type { InquiryCaller } from '../caller.js';
import type { NewInquiry, PublicQuestion } from '../contract.js';
import { insertInquiry } from '../create-inquiry.js';
import { mailToRequester } from '../mailbox/outgoing.js';
import { type Db, forOtherModules } from '../repository/db.js';

/** Who logs a question asked on the public form: the form itself, with the asker's address and request. */
export const publicFormActor = (request: { ip: string; requestId: string }): AuditActor => ({
  id: null,
  username: 'public-form',
  ip: request.ip,
  requestId: request.requestId,
});

const publicFormCaller = (actor: AuditActor): InquiryCaller => ({
  actor,
  partnerId: null,
  seesPersonalData: true,
  kind: 'citizen',
  requesterId: null,
});

/**
 * The reference a robot is told (it filled in the field people never see): shaped like a real
 * one, so the robot learns nothing, but with number 0, which no inquiry ever gets, so that an
 * agent told it knows at once that nothing was received.
 */
export const robotRef = (today = brusselsDay()): string => `Q-${today.slice(0, 4)}-000000`;

/**
 * Logs a question asked on the public form (already read by readPublicQuestion) as a new inquiry
 * of channel `web` from a self-employed person, in the agents' list like any new one, and queues
 * the confirmation mail with its reference in the person's language, in the same transaction: the
 * mail exists only if the inquiry does. An unknown fund or theme is refused naming the field
 * (both at once).
 */
export async function askPublicQuestion(
  db: Db,
  actor: AuditActor,
  question: PublicQuestion,
): Promise<{ ref: string }> {
  await checkCodes(db, question);
  const input: NewInquiry = {
    channel: 'web',
    origin: 'self_employed',
    language: question.language,
    question: question.question,
    ...(question.theme && { theme: question.theme }),
    requester: {
      name: question.name,
      email: question.email,
      ...(question.phone && { phone: question.phone }),
      ...(question.niss && { niss: question.niss }),
      ...(question.enterprise_number && { enterprise_number: question.enterprise_number }),
      ...(question.fund && { fund: question.fund }),
    },
  };
  // Questions arriving at the same moment share a commit on SQLite (see withGroupCommit).
  return withGroupCommit(db, async (trx) => {
    const row = await insertInquiry(trx, publicFormCaller(actor), input, null);
    await mailToRequester(trx, actor, row, { kind: 'web_confirmation' });
    return { ref: row.ref };
  });
}

/** The fund and theme named must exist; the public form's fields are `fund` and `theme`. */
async function checkCodes(db: Db, question: PublicQuestion): Promise<void> {
  const errors: FieldError[] = [];
  if (question.fund) {
    const funds = await partnerCodes(forOtherModules(db));
    if (!funds.byCode.has(question.fund))
      errors.push({ field: 'fund', code: 'inquiries.unknown_fund', params: { code: question.fund } });
  }
  if (question.theme) {
    try {
      await getThemeForField(forOtherModules(db), question.theme, 'theme');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...error.fieldErrors);
    }
  }
  if (errors.length > 0) throw invalid(errors);
}
