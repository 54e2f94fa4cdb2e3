/** The tables the directory owns. Booleans are 0/1 on both databases; dates ISO text. */
export interface DirectoryTables {
  directory_org_unit: {
    id: string;
    code: string;
    name_fr: string;
    name_nl: string;
    kind: string;
    parent_id: string | null;
    created_at: string;
    updated_at: string;
  };
  directory_partner: {
    id: string;
    code: string;
    name_fr: string;
    name_nl: string;
    kind: string;
    enterprise_number: string | null;
    is_active: number;
    created_at: string;
    updated_at: string;
  };
  directory_person: {
    id: string;
    username: string;
    name: string;
    email: string;
    phone: string | null;
    language: string;
    org_unit_id: string | null;
    manager_id: string | null;
    partner_id: string | null;
    employed_from: string | null;
    employed_to: string | null;
    is_active: number;
    created_at: string;
    updated_at: string;
  };
  directory_person_role: { person_id: string; role: string };
  /** A person's single sign-on account at one provider (issuer), bound at the first login. */
  directory_person_sso: { issuer: string; subject: string; person_id: string; bound_at: string };
}

export type PersonRow = DirectoryTables['directory_person'];
export type PartnerRow = DirectoryTables['directory_partner'];
export type OrgUnitRow = DirectoryTables['directory_org_unit'];
