import type { Selectable } from 'kysely';

/**
 * The tables the telework module owns. Statistics: an organisation's imported staff and agreements,
 * a data set of their own (not the directory's people). Days ISO text; booleans 0/1.
 */
export interface TeleworkTables {
  telework_stat_organisation: {
    /** From the name: `spf-securite-sociale`. */
    id: string;
    name: string;
    /** The share of staff teleworking the organisation aims for (a line on the chart), or null. */
    target_pct: number | null;
    imported_at: string | null;
    created_at: string;
    updated_at: string;
  };
  telework_stat_employee: {
    organisation_id: string;
    employee_id: string;
    org_unit: string;
    hired_on: string;
    /** The last working day, inclusive; null while employed. */
    left_on: string | null;
    occupation_pct: number;
    is_teleworkable: number;
  };
  telework_stat_agreement: {
    organisation_id: string;
    employee_id: string;
    start_date: string;
    /** Inclusive; null while it runs. */
    end_date: string | null;
    regime: string;
    days_per_week: number | null;
  };
}

export type StatOrganisationRow = Selectable<TeleworkTables['telework_stat_organisation']>;
export type StatEmployeeRow = Selectable<TeleworkTables['telework_stat_employee']>;
export type StatAgreementRow = Selectable<TeleworkTables['telework_stat_agreement']>;
