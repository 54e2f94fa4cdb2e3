import fs from 'node:fs';
import type { AuditActor } from '../../platform/audit/audit.js';
import { projectFile } from '../../platform/project-files.js';
import { importCorpus } from './import-corpus.js';
import type { Db } from './repository.js';
import { insertTheme, type ThemeInput } from './themes.js';

/** The FAQ corpus shipped for the demo (the repository stands alone: no ../shared at run time). */
export const DEMO_CORPUS_FILE = projectFile('demo', 'faq', 'faq-corpus.json');

const DEMO_THEMES: ThemeInput[] = [
  { code: 'droit-passerelle', nameFr: 'Droit passerelle', nameNl: 'Overbruggingsrecht', reviewDays: 30 },
  { code: 'cotisations', nameFr: 'Cotisations sociales', nameNl: 'Sociale bijdragen', reviewDays: 60 },
  { code: 'secteurs', nameFr: 'Secteurs et fermetures', nameNl: 'Sectoren en sluitingen', reviewDays: 30 },
  { code: 'statut', nameFr: 'Statut et assujettissement', nameNl: 'Statuut en onderwerping' },
  { code: 'famille-sante', nameFr: 'Famille et santé', nameNl: 'Gezin en gezondheid' },
  { code: 'procedure', nameFr: 'Procédures et recours', nameNl: 'Procedures en beroep' },
  {
    code: 'cumul',
    nameFr: 'Cumul de revenus et prestations',
    nameNl: 'Cumulatie van inkomsten en uitkeringen',
  },
  { code: 'organisation', nameFr: 'Organisation du service', nameNl: 'Organisatie van de dienstverlening' },
];

/** Themes with their FR/NL names (crisis themes are reviewed more often), then the 150 demo entries. */
export async function seedKnowledgeDemo(trx: Db, actor: AuditActor): Promise<{ entries: number }> {
  for (const theme of DEMO_THEMES) await insertTheme(trx, actor, theme);
  const corpus = JSON.parse(fs.readFileSync(DEMO_CORPUS_FILE, 'utf8')) as unknown;
  const report = await importCorpus(trx, actor, corpus);
  return { entries: report.created.length };
}
