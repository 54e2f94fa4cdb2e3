// Which inquiry a mail answers. A reply names it by the reference in its subject (`[Q-2020-000123]`)
// or by our Message-ID in its In-Reply-To/References headers; either way it joins that thread only
// if it comes from the address the inquiry was written from, so a stranger quoting a reference
// (or guessing one) never reads or writes someone else's inquiry.

const REF = /\bQ-\d{4}-\d{6}\b/g;

/** The inquiry references a subject names, in order, once each. */
export function refsInSubject(subject: string): string[] {
  return [...new Set(subject.match(REF) ?? [])];
}

export type ThreadCandidate = {
  id: string;
  ref: string;
  status: string;
  requester_email: string | null;
  anonymised_at: string | null;
};

const sameAddress = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The first candidate (header matches before subject ones) written from the sender's address and
 * not anonymised; undefined when none is.
 */
export function pickThread<T extends ThreadCandidate>(
  candidates: readonly T[],
  sender: string | null,
): T | undefined {
  return candidates.find((c) => c.anonymised_at === null && sameAddress(c.requester_email, sender));
}

/** The subject of a mail about an inquiry: its reference in brackets first, once. */
export function subjectWithRef(ref: string, subject: string): string {
  const bare = subject.replace(new RegExp(`\\[${ref}\\]\\s*`, 'g'), '').trim();
  return bare ? `[${ref}] ${bare}` : `[${ref}]`;
}
