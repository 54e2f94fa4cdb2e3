/**
 * The letters of a person's avatar: the first letter of their first two words. Words that start
 * with no letter ("(CNA)", "-") are skipped, so a fund's user "CNA (Caisse…)" shows "CC", not "C(".
 */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .slice(0, 2)
    .map((letter) => letter.toLocaleUpperCase())
    .join('');
}
