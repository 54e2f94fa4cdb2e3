import { Textarea } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULTS_ID, resultId } from '../../knowledge/search-results.js';
import { moveChoice } from '../call-values.js';
import type { NewCall } from './use-new-call.js';

/**
 * The caller's question, typed first and focused at once. From the end of the text the arrow keys
 * walk the suggestions below and Escape lets go of the chosen one, so the hands stay on the keys.
 */
export function QuestionField(props: { call: NewCall }) {
  const { t } = useTranslation();
  const { values, set, chosen, refs, chosenIndex, choose } = props.call;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const isArrow = event.key === 'ArrowDown' || event.key === 'ArrowUp';
    if (isArrow && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      // Arrows choose a suggestion only from the end of the text: inside it they move the caret.
      const box = event.currentTarget;
      const isAtEnd = box.selectionStart === box.value.length && box.selectionEnd === box.value.length;
      const isChosenListed = chosen !== null && refs.includes(chosen);
      if (!isAtEnd || refs.length === 0 || (event.key === 'ArrowUp' && !isChosenListed)) return;
      event.preventDefault();
      const next = moveChoice(refs, chosen, event.key === 'ArrowDown' ? 1 : -1);
      choose(next);
      if (next) document.getElementById(resultId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Escape' && chosen) {
      event.preventDefault();
      choose(null);
    }
  };

  return (
    <Textarea
      ref={props.call.questionRef}
      name="question"
      label={t('web.inquiries.fields.question')}
      description={t('web.inquiries.new_call.question_help')}
      required
      autosize
      minRows={3}
      maxRows={10}
      value={values.question}
      onChange={(event) => set('question', event.currentTarget.value)}
      onKeyDown={onKeyDown}
      error={props.call.submission.byField.question}
      lang={values.language}
      // The page exists to type the caller's question, at once.
      autoFocus
      spellCheck
      aria-controls={props.call.hits.length > 0 ? RESULTS_ID : undefined}
      aria-activedescendant={chosenIndex >= 0 ? resultId(chosen as string) : undefined}
    />
  );
}
