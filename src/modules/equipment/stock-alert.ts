import type { Kysely } from 'kysely';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { peopleWithRole } from '../directory/index.js';
import { countInStock, type Db, lowStockThresholdOf } from './asset-repository.js';
import { crossedBelowThreshold } from './stock-rules.js';

const LANGUAGES = new Set(['fr', 'nl', 'en']);

/**
 * Call after `left` units of `type` left stock (reserved, sent to repair, retired…), in the same
 * transaction: when the stock just fell under the type's low-stock threshold, every person holding
 * the `ict` role gets a mail, queued in the outbox with the change (sent only if it commits).
 * Returns whether the alert went out. Call it once per change: it reads the count as it now is.
 */
export async function alertIfLowStock(
  db: Kysely<any>,
  type: string,
  options: { left?: number; link?: string } = {},
): Promise<boolean> {
  const left = options.left ?? 1;
  const threshold = await lowStockThresholdOf(db as Db, type);
  if (threshold === null) return false;
  const after = await countInStock(db as Db, type);
  if (!crossedBelowThreshold(after + left, after, threshold)) return false;
  for (const person of await peopleWithRole(db, 'ict')) {
    if (!person.email) continue;
    const language = (LANGUAGES.has(person.language) ? person.language : 'fr') as Language;
    const params = { type: translate(language, `equipment.type.${type}`), count: after, threshold };
    const text = translate(language, 'equipment.mail.low_stock_text', params);
    await enqueueMail(db, {
      to: person.email,
      subject: translate(language, 'equipment.mail.low_stock_subject', params),
      text: options.link ? `${text}\n\n${options.link}` : text,
      isAutomatic: true,
      source: 'equipment',
      objectRef: `low-stock:${type}`,
    });
  }
  return true;
}
