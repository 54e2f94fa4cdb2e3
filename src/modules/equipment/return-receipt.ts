import { translate } from '../../platform/i18n/i18n.js';
import { longDay } from '../../shared/brussels-day.js';
import type { ReceiptItem } from './delivery-contract.js';

// The return receipt as text, one section per language: the person's language first, then French
// and Dutch (the institution files both). Pure, so a test reads what the PDF prints.

export type ReceiptLanguage = 'fr' | 'nl' | 'en';

export type ReceiptInput = {
  id: string;
  personName: string;
  language: ReceiptLanguage;
  site: string;
  returnedOn: string;
  reason: string | null;
  items: readonly ReceiptItem[];
  digest: string;
};

export type ReceiptSection = {
  language: ReceiptLanguage;
  title: string;
  lines: string[];
  headers: [string, string, string, string];
  rows: [string, string, string, string][];
  footer: string;
};

/** The languages of the receipt, the person's first. */
export const receiptLanguages = (language: ReceiptLanguage): ReceiptLanguage[] =>
  [language, 'fr', 'nl'].filter((l, i, all) => all.indexOf(l) === i) as ReceiptLanguage[];

export function receiptSections(receipt: ReceiptInput): ReceiptSection[] {
  return receiptLanguages(receipt.language).map((language) => {
    const t = (key: string, params: Record<string, unknown> = {}) =>
      translate(language, `equipment.return.receipt.${key}`, params);
    const lines = [
      t('reference', { id: receipt.id }),
      t('person', { name: receipt.personName }),
      t('date', { date: longDay(receipt.returnedOn, language) }),
      t('site', { site: receipt.site }),
    ];
    if (receipt.reason) lines.push(t('reason', { reason: receipt.reason }));
    return {
      language,
      title: t('title'),
      lines,
      headers: [t('tag'), t('type'), t('model'), t('serial')],
      rows: receipt.items.map((item) => [
        item.assetTag,
        translate(language, `equipment.delivery.types.${item.type}`),
        item.model,
        item.serial ?? '-',
      ]),
      footer: t('digest', { digest: receipt.digest }),
    };
  });
}
