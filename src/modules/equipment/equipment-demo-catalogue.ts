import type { AssetType, ProfileItemMode } from './contract.js';

// What the demo institution's ICT service works with: the profiles of the functions the telework
// demo knows (telework/agreement-demo-seed.ts' FUNCTIONS), the policy of each item type in the
// 2020 crisis, and the models bought over the years.

export type DemoProfile = {
  id: string;
  fr: string;
  nl: string;
  en: string;
  functions: string[];
  items: [AssetType, ProfileItemMode][];
};

export const DEMO_PROFILES: DemoProfile[] = [
  {
    id: 'profile-administrative',
    fr: 'Agent administratif',
    nl: 'Administratief medewerker',
    en: 'Administrative officer',
    functions: ['juriste', 'redacteur', 'gestionnaire-rh'],
    items: [
      ['laptop', 'default'],
      ['mouse', 'default'],
      ['headset', 'default'],
      ['docking_station', 'on_request'],
      ['screen', 'on_request'],
      ['keyboard', 'on_request'],
      ['chair', 'on_request'],
    ],
  },
  {
    id: 'profile-call-center',
    fr: 'Agent du call center',
    nl: 'Callcentermedewerker',
    en: 'Call-center agent',
    functions: ['agent-call-center'],
    items: [
      ['laptop', 'default'],
      ['headset', 'default'],
      ['phone', 'default'],
      ['mouse', 'on_request'],
      ['screen', 'on_request'],
      ['keyboard', 'on_request'],
      ['docking_station', 'on_request'],
      ['chair', 'on_request'],
    ],
  },
  {
    id: 'profile-team-lead',
    fr: "Responsable d'équipe",
    nl: 'Teamverantwoordelijke',
    en: 'Team leader',
    functions: ['responsable-equipe'],
    items: [
      ['laptop', 'default'],
      ['mouse', 'default'],
      ['headset', 'default'],
      ['phone', 'default'],
      ['docking_station', 'on_request'],
      ['screen', 'on_request'],
      ['keyboard', 'on_request'],
      ['chair', 'on_request'],
    ],
  },
  {
    id: 'profile-ict',
    fr: 'Informaticien',
    nl: 'Informaticus',
    en: 'ICT specialist',
    functions: ['informaticien'],
    items: [
      ['laptop', 'default'],
      ['docking_station', 'default'],
      ['screen', 'default'],
      ['keyboard', 'default'],
      ['mouse', 'default'],
      ['headset', 'default'],
      ['phone', 'on_request'],
      ['chair', 'on_request'],
    ],
  },
  {
    // Not teleworkable: the phone that reaches them anywhere in the building.
    id: 'profile-logistics',
    fr: 'Logistique et accueil',
    nl: 'Logistiek en onthaal',
    en: 'Logistics and reception',
    functions: ['logistique', 'accueil'],
    items: [
      ['phone', 'default'],
      ['headset', 'on_request'],
    ],
  },
];

export type DemoPolicy = {
  type: AssetType;
  approval: boolean;
  capCents: number | null;
  periodMonths: number | null;
  lowStock: number | null;
};

/** Approval off in the crisis, except for a chair, which costs the most and is asked for the least. */
export const DEMO_POLICIES: DemoPolicy[] = [
  { type: 'laptop', approval: false, capCents: null, periodMonths: null, lowStock: 10 },
  { type: 'screen', approval: false, capCents: 10_000, periodMonths: 36, lowStock: 15 },
  { type: 'docking_station', approval: false, capCents: null, periodMonths: null, lowStock: 8 },
  { type: 'headset', approval: false, capCents: 6_000, periodMonths: 24, lowStock: 20 },
  { type: 'keyboard', approval: false, capCents: 3_000, periodMonths: 36, lowStock: 10 },
  { type: 'mouse', approval: false, capCents: 2_000, periodMonths: 36, lowStock: 15 },
  { type: 'phone', approval: false, capCents: null, periodMonths: null, lowStock: 5 },
  { type: 'chair', approval: true, capCents: 15_000, periodMonths: 36, lowStock: 3 },
  { type: 'other', approval: false, capCents: null, periodMonths: null, lowStock: null },
];

/** A model, the letters of its tags (RSVZ-LT-00123) and of its serial numbers. */
export type DemoModel = { type: AssetType; model: string; tag: string; serial: string };

export const MODELS = {
  /** The fleet every office worker got in the 2018-2019 renewal. */
  fleetLaptop: { type: 'laptop', model: 'Dell Latitude 5490', tag: 'LT', serial: 'D5490' },
  /** Set aside for the 2020 renewal: the units that equipped the new colleagues in March. */
  renewalLaptop: { type: 'laptop', model: 'Dell Latitude 7480', tag: 'LT', serial: 'D7480' },
  newLaptop: { type: 'laptop', model: 'Dell Latitude 5410', tag: 'LT', serial: 'D5410' },
  deskScreen: { type: 'screen', model: 'HP EliteDisplay E233', tag: 'SC', serial: 'CNK' },
  stockScreen: { type: 'screen', model: 'HP EliteDisplay E243', tag: 'SC', serial: 'CNC' },
  dock: { type: 'docking_station', model: 'Lenovo ThinkPad USB-C Dock', tag: 'DK', serial: 'LNVD' },
  headset: { type: 'headset', model: 'Jabra Evolve 40', tag: 'HS', serial: 'JBR' },
  phone: { type: 'phone', model: 'Yealink T42S', tag: 'PH', serial: 'YLK' },
  keyboard: { type: 'keyboard', model: 'Logitech K120', tag: 'KB', serial: 'LGK' },
  mouse: { type: 'mouse', model: 'Logitech M185', tag: 'MS', serial: 'LGM' },
  chair: { type: 'chair', model: 'Steelcase Series 1', tag: 'CH', serial: 'STC' },
} satisfies Record<string, DemoModel>;

/** Home addresses for the parcels: streets of Brussels and around, by language. */
export const STREETS: Record<'fr' | 'nl', readonly (readonly [street: string, town: string])[]> = {
  fr: [
    ['Rue Royale', '1000 Bruxelles'],
    ['Chaussée de Wavre', '1050 Ixelles'],
    ['Avenue Louise', '1050 Bruxelles'],
    ['Rue de la Station', '1300 Wavre'],
    ['Chaussée de Louvain', '1030 Schaerbeek'],
    ['Rue Haute', '5000 Namur'],
    ['Avenue des Combattants', '1340 Ottignies'],
  ],
  nl: [
    ['Kerkstraat', '1930 Zaventem'],
    ['Stationsstraat', '2800 Mechelen'],
    ['Brusselsesteenweg', '1500 Halle'],
    ['Dorpsstraat', '3080 Tervuren'],
    ['Naamsestraat', '3000 Leuven'],
    ['Ninoofsesteenweg', '1700 Dilbeek'],
    ['Vilvoordelaan', '1800 Vilvoorde'],
  ],
};
