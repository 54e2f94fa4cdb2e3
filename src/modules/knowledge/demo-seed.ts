import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { projectFile } from '../../platform/project-files.js';
import { listPartnerOrganisations } from '../directory/index.js';
import { insertAcknowledgements, listAllChangeRows } from './change-repository.js';
import { PARTNER_AUDIENCES } from './changes.js';
import { demoAcknowledgedCounts } from './demo-acknowledgements.js';
import { DEMO_THEMES } from './demo-themes.js';
import { importCorpus } from './import-corpus.js';
import type { Db } from './repository.js';
import { insertTheme, type ThemeInput } from './themes.js';

/** The FAQ corpus shipped for the demo (the repository stands alone: no ../shared at run time). */
export const DEMO_CORPUS_FILE = projectFile('demo', 'faq', 'faq-corpus.json');
/** The ICT helpdesk's internal FAQ (VPN, Teams, passwords, a second screen), suggested as staff type a ticket. */
export const DEMO_ICT_FAQ_FILE = projectFile('demo', 'faq', 'ict-helpdesk-faq.json');

/** The theme of the ICT helpdesk's internal entries (kept apart from the relevance benchmark's themes). */
const ICT_THEME: ThemeInput = {
  code: 'informatique',
  nameFr: 'Informatique et télétravail',
  nameNl: 'Informatica en telewerk',
};

/**
 * Themes with their FR/NL names (crisis themes are reviewed more often), then the 150 demo entries
 * and the ICT helpdesk's internal ones,
 * then the funds' acknowledgements of them: most funds nearly up to date, a couple lagging.
 */
export async function seedKnowledgeDemo(trx: Db, actor: AuditActor): Promise<{ entries: number }> {
  for (const theme of [...DEMO_THEMES, ICT_THEME]) await insertTheme(trx, actor, theme);
  const corpus = JSON.parse(fs.readFileSync(DEMO_CORPUS_FILE, 'utf8')) as unknown;
  const report = await importCorpus(trx, actor, corpus);
  const ict = await importCorpus(
    trx,
    actor,
    JSON.parse(fs.readFileSync(DEMO_ICT_FAQ_FILE, 'utf8')) as unknown,
  );
  await seedDemoAcknowledgements(trx);
  return { entries: report.created.length + ict.created.length };
}

async function seedDemoAcknowledgements(trx: Db): Promise<void> {
  const funds = (await listPartnerOrganisations(trx as Kysely<any>)).filter((fund) => fund.isActive);
  const changes = await listAllChangeRows(trx, PARTNER_AUDIENCES);
  const counts = demoAcknowledgedCounts(
    funds.map((fund) => fund.code),
    changes.length,
  );
  const now = nowInstant();
  for (const fund of funds) {
    const acknowledged = changes.slice(0, counts.get(fund.code) ?? 0);
    if (acknowledged.length === 0) continue;
    await insertAcknowledgements(
      trx,
      acknowledged.map((change) => ({
        partner_id: fund.id,
        change_seq: change.seq,
        acked_at: now,
        acked_by: 'demo-seed',
      })),
    );
  }
}
