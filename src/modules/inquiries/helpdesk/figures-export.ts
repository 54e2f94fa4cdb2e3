import type { ExportColumn, TableExport } from '../../../platform/exports/table.js';
import { type Language, translate } from '../../../platform/i18n/i18n.js';
import { HELPDESK_CATEGORIES, type HelpdeskFigures } from '../contract.js';

type Month = HelpdeskFigures['months'][number];
type Category = HelpdeskFigures['categories'][number];
const K = 'web.helpdesk.figures';

/** Median and 90th percentile in minutes, so a spreadsheet can sum them. */
const durationColumns = <Row extends { resolution: Month['resolution'] }>(
  t: (key: string) => string,
): ExportColumn<Row>[] => [
  { header: t(`${K}.median_minutes`), kind: 'number', value: (row) => row.resolution.median_minutes },
  { header: t(`${K}.p90_minutes`), kind: 'number', value: (row) => row.resolution.p90_minutes },
];

/** The tickets of a period, a month per row: by category, in all, and how long they took to solve. */
export function helpdeskMonthsExport(figures: HelpdeskFigures, language: Language): TableExport<Month> {
  const t = (key: string) => translate(language, key);
  return {
    name: `relais-helpdesk-months-${figures.from}-${figures.to}`,
    sheet: t(`${K}.months`),
    columns: [
      { header: t(`${K}.month`), width: 10, value: (row) => row.month },
      ...HELPDESK_CATEGORIES.map(
        (category): ExportColumn<Month> => ({
          header: t(`helpdesk.category.${category}`),
          kind: 'number',
          value: (row) => row.by_category[category],
        }),
      ),
      { header: t(`${K}.total`), kind: 'number', value: (row) => row.total },
      ...durationColumns<Month>(t),
    ],
    rows: figures.months,
  };
}

/** The tickets of a period, a category per row: how many, how many closed, how long they took. */
export function helpdeskCategoriesExport(
  figures: HelpdeskFigures,
  language: Language,
): TableExport<Category> {
  const t = (key: string) => translate(language, key);
  return {
    name: `relais-helpdesk-categories-${figures.from}-${figures.to}`,
    sheet: t(`${K}.categories`),
    columns: [
      { header: t(`${K}.category`), width: 24, value: (row) => t(`helpdesk.category.${row.category}`) },
      { header: t(`${K}.total`), kind: 'number', value: (row) => row.total },
      { header: t(`${K}.closed`), kind: 'number', value: (row) => row.closed },
      ...durationColumns<Category>(t),
    ],
    rows: figures.categories,
  };
}
