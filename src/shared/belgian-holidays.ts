// Shared by the inquiries module (service-level deadlines) and the workplace module (bookable days),
// and pure, so the web app can show the same closed days.

/** A calendar day, `YYYY-MM-DD`. */
type IsoDate = string;

/** The day `dayOfMonth` of a month, rolling over as Date.UTC does (Easter + 39 days lands in May). */
const isoDate = (year: number, month: number, dayOfMonth: number): IsoDate =>
  new Date(Date.UTC(year, month - 1, dayOfMonth)).toISOString().slice(0, 10);

export type HolidayNames = { fr: string; nl: string; en: string };

/**
 * `legal`: the ten public holidays of the law (loi du 4 janvier 1974, arrêté royal du 18 avril 1974), off for
 * every employer.
 * `federal_public_service`: days federal staff are also off (see FEDERAL_PUBLIC_SERVICE_DAYS).
 */
export type HolidayScope = 'legal' | 'federal_public_service';

export type Holiday = { date: IsoDate; key: string; scope: HolidayScope; names: HolidayNames };

export type BelgianHolidayOptions = {
  /** Include the days off of federal public services (2 Nov, 15 Nov, 26 Dec). On unless set to false. */
  federalPublicServiceDays?: boolean;
};

type HolidayRule = Omit<Holiday, 'date' | 'scope'> & { dateIn: (year: number, easter: IsoDate) => IsoDate };

const fixed =
  (month: number, day: number) =>
  (year: number): IsoDate =>
    isoDate(year, month, day);
const afterEaster =
  (days: number) =>
  (year: number, easter: IsoDate): IsoDate =>
    isoDate(year, Number(easter.slice(5, 7)), Number(easter.slice(8, 10)) + days);

const LEGAL_HOLIDAYS: HolidayRule[] = [
  {
    key: 'new_year',
    dateIn: fixed(1, 1),
    names: { fr: 'Jour de l’An', nl: 'Nieuwjaar', en: 'New Year’s Day' },
  },
  {
    key: 'easter_monday',
    dateIn: afterEaster(1),
    names: { fr: 'Lundi de Pâques', nl: 'Paasmaandag', en: 'Easter Monday' },
  },
  {
    key: 'labour_day',
    dateIn: fixed(5, 1),
    names: { fr: 'Fête du Travail', nl: 'Dag van de Arbeid', en: 'Labour Day' },
  },
  {
    key: 'ascension',
    dateIn: afterEaster(39),
    names: { fr: 'Ascension', nl: 'Onze-Lieve-Heer-Hemelvaart', en: 'Ascension Day' },
  },
  {
    key: 'whit_monday',
    dateIn: afterEaster(50),
    names: { fr: 'Lundi de Pentecôte', nl: 'Pinkstermaandag', en: 'Whit Monday' },
  },
  {
    key: 'national_day',
    dateIn: fixed(7, 21),
    names: { fr: 'Fête nationale', nl: 'Nationale feestdag', en: 'National Day' },
  },
  {
    key: 'assumption',
    dateIn: fixed(8, 15),
    names: { fr: 'Assomption', nl: 'Onze-Lieve-Vrouw-Hemelvaart', en: 'Assumption Day' },
  },
  {
    key: 'all_saints',
    dateIn: fixed(11, 1),
    names: { fr: 'Toussaint', nl: 'Allerheiligen', en: 'All Saints’ Day' },
  },
  {
    key: 'armistice',
    dateIn: fixed(11, 11),
    names: { fr: 'Armistice', nl: 'Wapenstilstand', en: 'Armistice Day' },
  },
  {
    key: 'christmas',
    dateIn: fixed(12, 25),
    names: { fr: 'Noël', nl: 'Kerstmis', en: 'Christmas Day' },
  },
];

/**
 * Federal staff are also off on 2 November, 15 November (the King's Feast) and 26 December (Arrêté royal du
 * 19 novembre 1998 on the leave of State staff); public social-security institutions follow the same rule,
 * so a service level counted over those days would run while nobody can answer. Private-sector employers
 * are not bound by them, hence the option. Not modelled on purpose: the replacement day for a holiday on a
 * weekend (each person takes it when they like, the office stays open) and the yearly bridge days
 * (dienstvrijstellingen, set by circular each year): those go in a calendar's extra closing days.
 */
const FEDERAL_PUBLIC_SERVICE_DAYS: HolidayRule[] = [
  {
    key: 'all_souls',
    dateIn: fixed(11, 2),
    names: { fr: 'Jour des Morts', nl: 'Allerzielen', en: 'All Souls’ Day' },
  },
  {
    key: 'kings_feast',
    dateIn: fixed(11, 15),
    names: { fr: 'Fête du Roi', nl: 'Koningsdag', en: 'King’s Feast' },
  },
  {
    key: 'boxing_day',
    dateIn: fixed(12, 26),
    names: { fr: 'Lendemain de Noël', nl: 'Tweede Kerstdag', en: 'Boxing Day' },
  },
];

/** Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus, Jones, Butcher). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Not a Gregorian year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The Belgian public holidays of a year in date order, with their French, Dutch and English names. */
export function belgianHolidays(year: number, options: BelgianHolidayOptions = {}): Holiday[] {
  const easter = easterSunday(year);
  const inYear = (scope: HolidayScope) => (rule: HolidayRule) => ({
    date: rule.dateIn(year, easter),
    key: rule.key,
    scope,
    names: rule.names,
  });
  const legal = LEGAL_HOLIDAYS.map(inYear('legal'));
  const federal =
    options.federalPublicServiceDays === false
      ? []
      : FEDERAL_PUBLIC_SERVICE_DAYS.map(inYear('federal_public_service'));
  return [...legal, ...federal].sort((x, y) => x.date.localeCompare(y.date));
}
