/** Where one language of a draft stands, as its side of the editor says it. */
export type LanguageStatus = 'awaits_translation' | 'needs_update' | 'not_written' | 'up_to_date';

/**
 * An empty side of an entry written in the other language awaits its translation: saying "the
 * other language changed after this one was written" would be untrue, nothing was written here.
 * `needsUpdate` is the server's flag that the other language moved on since this one was written.
 */
export function languageStatus(side: { needsUpdate: boolean; isBlank: boolean }): LanguageStatus {
  if (side.needsUpdate) return side.isBlank ? 'awaits_translation' : 'needs_update';
  return side.isBlank ? 'not_written' : 'up_to_date';
}

/** A draft never published has no published version to link to. */
export const hasPublishedVersion = (draft: { baseVersion: number | null } | undefined): boolean =>
  draft === undefined || draft.baseVersion !== null;
