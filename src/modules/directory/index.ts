/** Directory: people, organisation units, partner organisations (the funds), roles. */

/** The columns of a people import file, and the input schema for a person (CLI validation). */
export { IMPORT_COLUMNS, PersonInput } from './contract.js';
/** Demo data for the first start, its one password, and whom the demo manager manages. */
export { DEMO_MANAGER_REPORTS, DEMO_PASSWORD, demoPeople, seedDirectoryDemo } from './demo-seed.js';
/** Belgian identifiers (NISS/INSZ, enterprise number): checks, storage form, display and masking. */
export {
  formatEnterpriseNumber,
  formatNiss,
  isValidEnterpriseNumber,
  isValidNiss,
  maskNiss,
  normalizeEnterpriseNumber,
  normalizeNiss,
} from './identifiers.js';
/** The identity source authentication uses. */
export { directoryIdentities } from './identity-source.js';
/** CSV import of people, all or nothing (CLI and API). */
export { importPeople } from './import-people.js';
/**
 * The partner organisations (funds): knowledge tracks which of them acknowledged each change;
 * test factories create the funds a test needs.
 */
export { createPartner, listPartnerOrganisations } from './partners.js';
/** Creating a person (CLI `user add`). */
export { createPerson } from './people.js';
/**
 * Counting people (first-start detection); names and fund codes for other modules' views; each
 * person's team (organisation unit code), by which the workplace rotates teams; the people of a
 * person's team, whose usual zone the workplace suggests a desk in; staff cards (name, language,
 * manager, unit) for telework's agreements, and the staff employed on a day with unit names for
 * its live figures; which unit codes exist (crisis measures name units); a manager's direct
 * reports and the people of a unit, whose week telework's team view shows; the people whose name
 * matches a search (equipment finds what they hold), the people holding a role (mail to ICT) and
 * the staff who start after a day, whose equipment kit is prepared before their first day.
 */
export {
  countPeople,
  idsOfPeopleNamed,
  idsOfUsernames,
  knownOrgUnitCodes,
  namesOfPeople,
  orgUnitCodesOf,
  orgUnitNames,
  partnerCodes,
  peopleOfUnit,
  peopleWithRole,
  reportsOf,
  type StaffCard,
  staffCardsOf,
  staffEmployedOn,
  staffStartingAfter,
  teamOf,
} from './repository.js';
export { directoryRoutes } from './routes.js';
/** Unbinding a person from their single sign-on accounts (CLI `user unbind-sso`). */
export { unbindSsoAccounts } from './sso-accounts.js';
/** The tables the directory owns. */
export type { DirectoryTables } from './tables.js';
