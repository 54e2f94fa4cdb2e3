import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import type { Delivery } from './delivery-contract.js';

// The list of delivery batches as a file: one row per batch, its units' tags in one cell.

export function deliveryTable(items: readonly Delivery[], language: Language): TableExport<Delivery> {
  const t = (key: string) => translate(language, `equipment.delivery.columns.${key}`);
  return {
    name: 'equipment-deliveries',
    sheet: t('sheet').slice(0, 31),
    columns: [
      { header: t('id'), width: 14, value: (d) => d.id },
      { header: t('person'), width: 26, value: (d) => d.personName },
      {
        header: t('mode'),
        width: 10,
        value: (d) => translate(language, `equipment.delivery.modes.${d.mode}`),
      },
      {
        header: t('status'),
        width: 12,
        value: (d) => translate(language, `equipment.delivery.statuses.${d.status}`),
      },
      { header: t('address'), width: 36, value: (d) => d.address },
      { header: t('site'), width: 14, value: (d) => d.site },
      { header: t('carrier'), width: 14, value: (d) => d.carrier },
      { header: t('carrier_ref'), width: 18, value: (d) => d.carrierRef },
      { header: t('shipped_at'), kind: 'instant', width: 20, value: (d) => d.shippedAt },
      { header: t('signed_for_on'), kind: 'day', width: 12, value: (d) => d.signedForOn },
      { header: t('accepted_at'), kind: 'instant', width: 20, value: (d) => d.acceptedAt },
      { header: t('returned_at'), kind: 'instant', width: 20, value: (d) => d.returnedAt },
      { header: t('units'), kind: 'number', width: 8, value: (d) => d.items.length },
      { header: t('tags'), width: 30, value: (d) => d.items.map((item) => item.assetTag).join(', ') },
    ],
    rows: items,
  };
}
