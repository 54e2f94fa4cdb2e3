import type { ThemeInput } from './themes.js';

/**
 * The demo FAQ's themes with their FR/NL names (crisis themes are reviewed more often). The
 * relevance benchmark reads them too: the search ranks by theme names (search/theme-coverage.ts).
 */
export const DEMO_THEMES: ThemeInput[] = [
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
