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

  /** One row, id `institution`: the caps for a full-time job and whether HR approves. */
  telework_policy: {
    id: string;
    weekly_cap_days: number;
    monthly_cap_days: number | null;
    hr_approval: number;
    updated_at: string;
    updated_by: string | null;
  };
  telework_function: {
    code: string;
    name_fr: string;
    name_nl: string;
    is_teleworkable: number;
    created_at: string;
    updated_at: string;
  };
  /** A member of staff (a directory person) as telework sees them: function and occupation. */
  telework_staff_profile: {
    person_id: string;
    function_code: string;
    occupation_pct: number;
    updated_at: string;
  };
  telework_agreement: {
    id: string;
    person_id: string;
    regime: string;
    status: string;
    days_per_week: number | null;
    /** JSON: `[{ "day": "mon", "part": "day" }, …]`. */
    weekdays: string;
    monthly_days: number | null;
    start_date: string;
    /** Inclusive; null for an indefinite duration. */
    end_date: string | null;
    /** JSON: the clauses of contract.ts' AgreementClauses. */
    clauses: string;
    motivation: string | null;
    manager_id: string | null;
    employee_signed_by: string | null;
    employee_signed_at: string | null;
    employer_signed_by: string | null;
    employer_signed_at: string | null;
    /** The frozen text both parties signed (JSON), and its SHA-256. */
    signed_text: string | null;
    signed_digest: string | null;
    refusal_reason: string | null;
    requested_at: string;
    updated_at: string;
    version: number;
  };
  telework_agreement_event: {
    agreement_id: string;
    seq: number;
    kind: string;
    at: string;
    actor_id: string | null;
    reason: string | null;
  };
  telework_crisis_measure: {
    id: string;
    kind: string;
    title_fr: string;
    title_nl: string;
    start_date: string;
    end_date: string | null;
    /** JSON arrays: unit codes (empty: the whole institution) and people's ids excepted. */
    org_units: string;
    exceptions: string;
    weekly_cap_days: number | null;
    created_at: string;
    created_by: string | null;
    updated_at: string;
  };
  /** A monthly allowance for a period; amounts in integer cents, never floats. */
  telework_allowance_rate: {
    id: string;
    kind: string;
    label_fr: string;
    label_nl: string;
    monthly_cents: number;
    start_date: string;
    end_date: string | null;
    proration: string;
    full_days: number | null;
    created_at: string;
    created_by: string | null;
    updated_at: string;
  };
}

export type StatOrganisationRow = Selectable<TeleworkTables['telework_stat_organisation']>;
export type StatEmployeeRow = Selectable<TeleworkTables['telework_stat_employee']>;
export type StatAgreementRow = Selectable<TeleworkTables['telework_stat_agreement']>;
export type PolicyRow = TeleworkTables['telework_policy'];
export type FunctionRow = TeleworkTables['telework_function'];
export type StaffProfileRow = TeleworkTables['telework_staff_profile'];
export type AgreementRow = TeleworkTables['telework_agreement'];
export type AgreementEventRow = TeleworkTables['telework_agreement_event'];
export type CrisisMeasureRow = TeleworkTables['telework_crisis_measure'];
export type AllowanceRateRow = TeleworkTables['telework_allowance_rate'];
