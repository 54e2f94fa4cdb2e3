import { writeAudit } from '../../platform/audit/audit.js';
import { brusselsDay } from '../../platform/db/time.js';
import type { ExportColumn, TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import type { InquiryCaller } from './caller.js';
import { type InquiryFigures, type InquiryListQuery, type InquirySummaryView, ORIGINS } from './contract.js';
import { allMatchingInquiries } from './find-inquiries.js';
import type { Db } from './repository/db.js';

/** The columns of an inquiries download, headed and worded in the reader's language. */
function inquiryColumns(language: Language): ExportColumn<InquirySummaryView>[] {
  const t = (key: string) => translate(language, key);
  const field = (name: string) => t(`web.inquiries.fields.${name}`);
  return [
    { header: field('ref'), width: 16, value: (i) => i.ref },
    { header: field('created_at'), kind: 'instant', width: 18, value: (i) => i.created_at },
    { header: field('status'), width: 20, value: (i) => t(`web.inquiries.statuses.${i.status}`) },
    { header: field('channel'), width: 14, value: (i) => t(`web.inquiries.channels.${i.channel}`) },
    { header: field('origin'), width: 22, value: (i) => t(`web.inquiries.origins.${i.origin}`) },
    { header: field('language'), width: 10, value: (i) => i.language },
    {
      header: field('team'),
      width: 22,
      value: (i) => (i.team ? (language === 'nl' ? i.team.name_nl : i.team.name_fr) : null),
    },
    { header: field('assignee'), width: 20, value: (i) => i.assignee?.name },
    { header: field('name'), width: 22, value: (i) => i.requester.name },
    { header: field('niss'), width: 16, value: (i) => i.requester.niss },
    { header: field('enterprise_number'), width: 16, value: (i) => i.requester.enterprise_number },
    {
      header: field('answer_entry'),
      width: 14,
      value: (i) => (i.answer_entry ? `${i.answer_entry.ref} v${i.answer_entry.version}` : null),
    },
    { header: field('first_answered_at'), kind: 'instant', width: 18, value: (i) => i.first_answered_at },
    { header: field('closed_at'), kind: 'instant', width: 18, value: (i) => i.closed_at },
    { header: field('question'), width: 60, value: (i) => i.question },
    // Last, after the question: a spreadsheet made from an earlier download keeps its columns.
    {
      header: field('social_platform'),
      width: 14,
      value: (i) => (i.social ? t(`web.inquiries.social_platforms.${i.social.platform}`) : null),
    },
    { header: field('social_handle'), width: 20, value: (i) => i.social?.handle },
  ];
}

/**
 * Every inquiry matching the list's filters, as a table to download, masked as the list is. The
 * download is audited with its filters: a file of a crisis' callers leaves the system.
 */
export async function inquiriesExport(
  db: Db,
  caller: InquiryCaller,
  query: InquiryListQuery,
  language: Language,
): Promise<TableExport<InquirySummaryView>> {
  const { format, limit: _limit, offset: _offset, ...filters } = query;
  await writeAudit(db, caller.actor, {
    action: 'inquiries.exported',
    objectType: 'inquiry',
    summary: { format, filters },
  });
  return {
    name: `relais-inquiries-${brusselsDay()}`,
    sheet: translate(language, 'web.areas.inqList.title'),
    columns: inquiryColumns(language),
    rows: allMatchingInquiries(db, caller, query),
  };
}

/** The figures of a period as a table to download: a day per row, its inquiries by origin and in all. */
export function figuresExport(
  figures: InquiryFigures,
  language: Language,
): TableExport<InquiryFigures['days'][number]> {
  const t = (key: string) => translate(language, key);
  return {
    name: `relais-inquiry-figures-${figures.from}-${figures.to}`,
    sheet: t('web.areas.inqFigures.title'),
    columns: [
      { header: t('web.inquiries.figures.day'), kind: 'day', width: 12, value: (day) => day.day },
      ...ORIGINS.map(
        (origin): ExportColumn<InquiryFigures['days'][number]> => ({
          header: t(`web.inquiries.origins.${origin}`),
          kind: 'number',
          value: (day) => day.by_origin[origin],
        }),
      ),
      { header: t('web.inquiries.figures.total'), kind: 'number', width: 10, value: (day) => day.total },
    ],
    rows: figures.days,
  };
}

type TeamFigures = InquiryFigures['service_levels'][number];

/** A share from 0 to 1 as a percentage with one decimal, as a spreadsheet shows it; empty when unmeasured. */
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The teams' figures of a period to download: a team per row, its inquiries, how often it kept its
 * service level, and its median and 90th-percentile times (minutes, so a spreadsheet can sum them).
 */
export function teamFiguresExport(figures: InquiryFigures, language: Language): TableExport<TeamFigures> {
  const t = (key: string, params?: Record<string, unknown>) => translate(language, key, params);
  const K = 'web.inquiries.figures.export';
  const clock = (name: 'first_answer' | 'resolution'): ExportColumn<TeamFigures>[] => [
    { header: t(`${K}.${name}_measured`), kind: 'number', value: (team) => team[name].measured },
    { header: t(`${K}.${name}_in_time`), kind: 'number', value: (team) => team[name].in_time },
    { header: t(`${K}.${name}_rate`), kind: 'number', value: (team) => percent(team[name].rate) },
  ];
  const times = (name: 'time_to_first_answer' | 'time_to_closure'): ExportColumn<TeamFigures>[] => [
    { header: t(`${K}.${name}_median`), kind: 'number', value: (team) => team[name].median_minutes },
    { header: t(`${K}.${name}_p90`), kind: 'number', value: (team) => team[name].p90_minutes },
  ];
  return {
    name: `relais-inquiry-service-levels-${figures.from}-${figures.to}`,
    sheet: t(`${K}.teams_sheet`),
    columns: [
      {
        header: t('web.inquiries.figures.columns.team'),
        width: 28,
        value: (team) => (language === 'nl' ? team.name_nl : team.name_fr),
      },
      { header: t('web.inquiries.figures.count'), kind: 'number', value: (team) => team.count },
      ...clock('first_answer'),
      ...clock('resolution'),
      ...times('time_to_first_answer'),
      ...times('time_to_closure'),
    ],
    rows: figures.service_levels,
  };
}
