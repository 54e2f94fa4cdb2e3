import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { invalid } from '../../platform/errors.js';
import { type Db, findThemeByCode, insertThemeRow, listThemes } from './repository.js';
import type { ThemeRow } from './tables.js';

export const DEFAULT_REVIEW_DAYS = 90;

export type ThemeInput = { code: string; nameFr: string; nameNl: string; reviewDays?: number };

export async function insertTheme(trx: Db, actor: AuditActor, input: ThemeInput): Promise<ThemeRow> {
  if (await findThemeByCode(trx, input.code)) {
    throw invalid([{ field: 'code', code: 'knowledge.theme_code_taken', params: { code: input.code } }]);
  }
  const now = nowInstant();
  const row: ThemeRow = {
    id: randomUUID(),
    code: input.code,
    name_fr: input.nameFr,
    name_nl: input.nameNl,
    review_days: input.reviewDays ?? DEFAULT_REVIEW_DAYS,
    created_at: now,
    updated_at: now,
  };
  await insertThemeRow(trx, row);
  await writeAudit(trx, actor, {
    action: 'knowledge.theme_created',
    objectType: 'knowledge_theme',
    objectId: row.id,
    summary: { code: row.code },
  });
  return row;
}

/** The theme of a code, or a field error naming `theme` (unknown themes are refused, not created). */
export async function getThemeForField(trx: Db, code: string, field = 'theme'): Promise<ThemeRow> {
  const theme = await findThemeByCode(trx, code);
  if (!theme) throw invalid([{ field, code: 'knowledge.unknown_theme', params: { code } }]);
  return theme;
}

/** Every theme's names by code (a handful of rows): for other modules' figures by theme. */
export async function themeNames(db: Db): Promise<Map<string, { name_fr: string; name_nl: string }>> {
  return new Map(
    (await listThemes(db)).map((theme) => [theme.code, { name_fr: theme.name_fr, name_nl: theme.name_nl }]),
  );
}
