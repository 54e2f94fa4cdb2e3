import { type Language, translate } from '../../platform/i18n/i18n.js';
import type { ReceiptItem } from './delivery-contract.js';

// The mail a person gets when their batch ships: what is in the parcel, the carrier and its
// reference, and where to confirm receipt. Pure; the service queues it with the step.

export function shippedMail(
  language: Language,
  params: {
    id: string;
    name: string;
    items: readonly ReceiptItem[];
    address: string | null;
    carrier: string | null;
    carrierRef: string | null;
    link: string;
  },
): { subject: string; text: string } {
  const t = (key: string, values: Record<string, unknown> = {}) =>
    translate(language, `equipment.delivery.mail.${key}`, values);
  const lines = params.items.map(
    (item) =>
      `- ${translate(language, `equipment.delivery.types.${item.type}`)} ${item.model} (${item.assetTag}${
        item.serial ? `, ${t('serial', { serial: item.serial })}` : ''
      })`,
  );
  const none = t('not_given');
  return {
    subject: t('shipped_subject', { id: params.id }),
    text: [
      t('greeting', { name: params.name }),
      '',
      t('shipped_intro', { count: params.items.length }),
      ...lines,
      '',
      t('address', { address: params.address ?? none }),
      t('carrier', { carrier: params.carrier ?? none }),
      t('reference', { reference: params.carrierRef ?? none }),
      '',
      t('confirm'),
      params.link,
    ].join('\n'),
  };
}
