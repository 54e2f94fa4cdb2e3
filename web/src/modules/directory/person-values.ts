import type { PersonInput, PersonUpdate } from '../../../../src/modules/directory/contract.js';
import type { PersonDetail } from './api.js';

/** What the person form holds: text inputs hold '' for "nothing", the API wants null or no key. */
export type PersonFormValues = {
  username: string;
  name: string;
  email: string;
  phone: string;
  language: 'fr' | 'nl' | 'en';
  roles: string[];
  orgUnit: string | null;
  partner: string | null;
  manager: string;
  employedFrom: string;
  employedTo: string;
  password: string;
  isActive: boolean;
};

/** The fields the form shows, by their API names (field errors come back under these names). */
export const PERSON_FIELDS = [
  'username',
  'name',
  'email',
  'phone',
  'language',
  'roles',
  'orgUnit',
  'partner',
  'manager',
  'employedFrom',
  'employedTo',
  'password',
  'isActive',
] as const;

export const emptyPerson = (language: PersonFormValues['language']): PersonFormValues => ({
  username: '',
  name: '',
  email: '',
  phone: '',
  language,
  roles: [],
  orgUnit: null,
  partner: null,
  manager: '',
  employedFrom: '',
  employedTo: '',
  password: '',
  isActive: true,
});

export const personToValues = (person: PersonDetail): PersonFormValues => ({
  username: person.username,
  name: person.name,
  email: person.email,
  phone: person.phone ?? '',
  language: person.language,
  roles: [...person.roles],
  orgUnit: person.orgUnit,
  partner: person.partner,
  manager: person.manager ?? '',
  employedFrom: person.employedFrom ?? '',
  employedTo: person.employedTo ?? '',
  password: '',
  isActive: person.isActive,
});

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The body of POST /directory/people: empty optional fields are left out, text is trimmed. */
export function toCreateBody(values: PersonFormValues): PersonInput {
  return {
    username: values.username.trim().toLowerCase(),
    name: values.name.trim(),
    email: values.email.trim(),
    language: values.language,
    roles: values.roles as PersonInput['roles'],
    orgUnit: values.orgUnit,
    partner: values.partner,
    ...(orNull(values.phone) && { phone: orNull(values.phone) }),
    ...(orNull(values.manager) && { manager: orNull(values.manager) }),
    ...(orNull(values.employedFrom) && { employedFrom: orNull(values.employedFrom) }),
    ...(orNull(values.employedTo) && { employedTo: orNull(values.employedTo) }),
    ...(values.password && { password: values.password }),
  } as PersonInput;
}

/**
 * The body of PATCH /directory/people/:id: only what changed, so the audit log says which fields
 * an administrator actually touched. A new password is sent only when one was typed.
 */
export function toUpdateBody(initial: PersonFormValues, values: PersonFormValues): PersonUpdate {
  const body: Record<string, unknown> = {};
  const text = ['name', 'email'] as const;
  for (const key of text) if (values[key].trim() !== initial[key].trim()) body[key] = values[key].trim();
  const nullable = ['phone', 'manager', 'employedFrom', 'employedTo'] as const;
  for (const key of nullable)
    if (orNull(values[key]) !== orNull(initial[key])) body[key] = orNull(values[key]);
  if (values.language !== initial.language) body.language = values.language;
  if (values.orgUnit !== initial.orgUnit) body.orgUnit = values.orgUnit;
  if (values.partner !== initial.partner) body.partner = values.partner;
  if (values.isActive !== initial.isActive) body.isActive = values.isActive;
  const sameRoles =
    values.roles.length === initial.roles.length &&
    values.roles.every((role) => initial.roles.includes(role));
  if (!sameRoles) body.roles = values.roles;
  if (values.password) body.password = values.password;
  return body as PersonUpdate;
}
