import { ABILITIES, type Ability, type Role } from './contract.js';

// The table itself is the auth contract's (the web app builds its navigation from it); these are
// the rules that read it.
export { ABILITIES, type Ability };

/** What a route declares: an ability, or one of the two open levels. */
export type RouteAccess = Ability | 'public' | 'authenticated';

export function rolesWith(ability: Ability): readonly Role[] {
  return ABILITIES[ability];
}

export function can(roles: readonly Role[], ability: Ability): boolean {
  const allowed: readonly Role[] = ABILITIES[ability];
  return roles.some((role) => allowed.includes(role));
}

/** The abilities a set of roles grants (the web app uses it to build navigation). */
export function abilitiesOf(roles: readonly Role[]): Ability[] {
  return (Object.keys(ABILITIES) as Ability[]).filter((ability) => can(roles, ability));
}

export const isAbility = (v: unknown): v is Ability => typeof v === 'string' && v in ABILITIES;
