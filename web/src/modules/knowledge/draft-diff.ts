import { diffWords } from 'diff';
import type { TextDiff } from './api.js';

/**
 * What a draft changes in one text of the published version, word by word (the history page's
 * form): against nothing when the entry was never published, so all of it reads as added.
 */
export function wordDiff(published: string | undefined, draft: string): TextDiff {
  return diffWords(published ?? '', draft).map((part) => ({
    value: part.value,
    ...(part.added && { added: true }),
    ...(part.removed && { removed: true }),
  }));
}
