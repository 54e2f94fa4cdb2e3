import type { AuditEntry } from './contract.js';

// The audit page names people, not ids (issue 12, point 6): who acted, and the person an entry is
// about or hands work to. The ids come from the entry; their names from the directory.

/** Summary fields whose value is a person's id. */
const PERSON_FIELDS = ['assignee', 'person', 'personId'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of the people an entry names: its actor, its object when a person, a person field. */
export function personIdsOf(entry: AuditEntry): string[] {
  const ids = new Set<string>();
  if (entry.actorId) ids.add(entry.actorId);
  if (entry.objectType === 'person' && entry.objectId) ids.add(entry.objectId);
  for (const field of PERSON_FIELDS) {
    const value = entry.summary[field];
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
  }
  return [...ids];
}

/** Each entry with the names of the people it names (those the directory still knows). */
export async function withPeopleNamed(
  entries: AuditEntry[],
  nameOf: (id: string) => Promise<string | undefined>,
): Promise<AuditEntry[]> {
  const ids = [...new Set(entries.flatMap(personIdsOf))];
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const name = await nameOf(id);
      if (name) names.set(id, name);
    }),
  );
  return entries.map((entry) => ({
    ...entry,
    people: Object.fromEntries(
      personIdsOf(entry).flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : [])),
    ),
  }));
}
