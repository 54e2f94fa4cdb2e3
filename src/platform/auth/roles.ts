/** The roles of DESIGN.md; a person may hold several. */
export const ROLES = [
  'agent',
  'expert',
  'editor',
  'reviewer',
  'partner',
  'employee',
  'manager',
  'hr',
  'facility',
  'ict',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);
