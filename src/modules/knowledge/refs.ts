/** `FAQ-0123`: the short reference agents read out on the phone. */
export const formatRef = (n: number): string => `FAQ-${String(n).padStart(4, '0')}`;

/** The number behind a reference, or undefined when it is not one. */
export function parseRef(ref: string): number | undefined {
  const match = /^FAQ-(\d{4,7})$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}
