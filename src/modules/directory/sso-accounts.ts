import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { type Db, deleteSsoSubjectsOf, findPersonByUsername } from './repository.js';

/**
 * Frees a person from the single sign-on accounts they were bound to at their first login (the
 * provider recreated their account with a new `sub`, or it was bound to the wrong one): their next
 * single sign-on binds again, by username or verified e-mail. Returns how many bindings went.
 */
export async function unbindSsoAccounts(db: Db, actor: AuditActor, username: string): Promise<number> {
  return withTransaction(db, async (trx) => {
    const person = await findPersonByUsername(trx, username);
    if (!person)
      throw new AppError('directory.person_not_found', 404, {}, [
        { field: 'username', code: 'directory.person_not_found' },
      ]);
    const removed = await deleteSsoSubjectsOf(trx, person.id);
    await writeAudit(trx, actor, {
      action: 'directory.person_sso_unbound',
      objectType: 'person',
      objectId: person.id,
      summary: { count: removed },
    });
    return removed;
  });
}
