import { useTranslation } from 'react-i18next';
import type { TextDiff } from './api.js';

type Part = TextDiff[number];

/**
 * A word diff as text: added words underlined (<ins>), removed ones struck through (<del>), each
 * also announced to screen readers ("added:", "removed:"), so colour is never the only sign.
 */
export function WordDiff(props: { diff: TextDiff; language: string }) {
  return (
    <p className="kb-plain-text kb-diff" lang={props.language}>
      {props.diff.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a diff is shown whole and never reordered.
        <DiffPart key={index} part={part} />
      ))}
    </p>
  );
}

function DiffPart(props: { part: Part }) {
  const { t } = useTranslation();
  const { part } = props;
  if (!part.added && !part.removed) return <span>{part.value}</span>;
  const marker = (
    <span className="sr-only">
      [{t(part.added ? 'web.knowledge.history.added' : 'web.knowledge.history.removed')}:{' '}
    </span>
  );
  const end = <span className="sr-only">]</span>;
  return part.added ? (
    <ins>
      {marker}
      {part.value}
      {end}
    </ins>
  ) : (
    <del>
      {marker}
      {part.value}
      {end}
    </del>
  );
}

/** Whether a diff changed anything (a language left untouched says "no change" instead). */
export const hasDifference = (diff: TextDiff): boolean => diff.some((part) => part.added || part.removed);
