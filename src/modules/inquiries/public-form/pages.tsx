import type { ReactNode } from 'react';
import { loadPublicLayout, type PublicPageContext } from '../../knowledge/index.js';
import { type PublicQuestionLanguage, PublicQuestionLimits } from '../contract.js';
import { formTexts } from './texts.js';

// The public question form's pages, inside the public FAQ site's layout: plain HTML forms that work
// without script; the script (suggest-script.ts) only adds the FAQ's suggestions as one types.

/** The form's fields, in the order they are shown (and named in the error summary). */
export const FORM_FIELDS = [
  'name',
  'email',
  'language',
  'question',
  'phone',
  'niss',
  'enterprise_number',
  'fund',
  'theme',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type FormState = {
  /** What was typed, given back as it was on an error. */
  values: Partial<Record<FormField, string>>;
  /** The message of each field that is wrong. */
  errors: Partial<Record<FormField, string>>;
  /** A refusal that is not about one field (too many questions, too large, overloaded). */
  alert?: string | undefined;
};

export type Choice = { code: string; name: string };
export type Choices = { funds: Choice[]; themes: Choice[] };

const askPath = (lang: PublicQuestionLanguage) => `/faq/${lang}/ask`;
const LANGUAGE_NAMES: Record<PublicQuestionLanguage, string> = { fr: 'Français', nl: 'Nederlands' };

type FieldProps = {
  name: FormField;
  state: FormState;
  t: ReturnType<typeof formTexts>;
  help?: string | undefined;
  isRequired?: boolean;
  children: (aria: Record<string, string | boolean | undefined>) => ReactNode;
};

/** A labelled field, with its help and its error (read out with it, by aria-describedby). */
function Field({ name, state, t, help, isRequired, children }: FieldProps) {
  const error = state.errors[name];
  const describedBy = [help && `${name}-help`, error && `${name}-error`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={name}>
        {t(`field.${name}`)}
        {isRequired && <span className="required"> ({t('required')})</span>}
      </label>
      {help && (
        <p className="help" id={`${name}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      {children({
        id: name,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        required: isRequired,
      })}
    </div>
  );
}

function Select(props: { name: 'fund' | 'theme'; state: FormState; t: FieldProps['t']; choices: Choice[] }) {
  const { name, state, t, choices } = props;
  return (
    <Field name={name} state={state} t={t}>
      {(aria) => (
        <select {...aria} defaultValue={state.values[name] ?? ''}>
          <option value="">{t('choose_none')}</option>
          {choices.map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function AskForm(props: { lang: PublicQuestionLanguage; state: FormState; choices: Choices }) {
  const { lang, state, choices } = props;
  const t = formTexts(lang);
  const errorFields = FORM_FIELDS.filter((field) => state.errors[field]);
  const language = state.values.language ?? lang;
  const text =
    (name: FormField, type: string, extra: Record<string, unknown> = {}) =>
    (aria: Record<string, unknown>) => (
      <input {...aria} type={type} defaultValue={state.values[name] ?? ''} {...extra} />
    );
  return (
    <>
      <h1>{t('title')}</h1>
      {errorFields.length > 0 && (
        <div className="notice warning error-summary" role="alert" aria-labelledby="error-summary-title">
          <p id="error-summary-title">
            <strong>{t('error_summary', { count: errorFields.length })}</strong>
          </p>
          <ul>
            {errorFields.map((field) => (
              <li key={field}>
                <a href={`#${field}`}>
                  {t(`field.${field}`)} – {state.errors[field]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.alert && (
        <div className="notice warning" role="alert">
          <p>
            <strong>{t('not_sent')}</strong> {state.alert}
          </p>
        </div>
      )}
      <p className="lead">{t('intro')}</p>
      <form
        id="ask-form"
        className="ask-form"
        method="post"
        action={askPath(lang)}
        noValidate
        data-lang={lang}
        data-search="/api/v1/public/faq/search"
        data-deflect="/api/v1/public/questions/deflections"
      >
        <Field name="name" state={state} t={t} isRequired>
          {text('name', 'text', { autoComplete: 'name', maxLength: PublicQuestionLimits.nameMax })}
        </Field>
        <Field name="email" state={state} t={t} help={t('field.email_help')} isRequired>
          {text('email', 'email', { autoComplete: 'email', maxLength: PublicQuestionLimits.emailMax })}
        </Field>
        <fieldset
          className={state.errors.language ? 'field has-error' : 'field'}
          aria-describedby={state.errors.language ? 'language-error' : undefined}
        >
          <legend>{t('field.language')}</legend>
          {state.errors.language && (
            <p className="field-error" id="language-error">
              {state.errors.language}
            </p>
          )}
          {(['fr', 'nl'] as const).map((code) => (
            <label key={code} className="choice" lang={code}>
              <input
                type="radio"
                name="language"
                value={code}
                defaultChecked={language === code}
                {...(code === 'fr' && { id: 'language' })}
              />{' '}
              {LANGUAGE_NAMES[code]}
            </label>
          ))}
        </fieldset>
        <Field
          name="question"
          state={state}
          t={t}
          isRequired
          help={t('field.question_help', {
            min: PublicQuestionLimits.questionMin,
            max: PublicQuestionLimits.questionMax,
          })}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={8}
              maxLength={PublicQuestionLimits.questionMax}
              defaultValue={state.values.question ?? ''}
            />
          )}
        </Field>
        {/* Filled by the script with the FAQ's entries that match the question; empty without it. */}
        <p id="suggestions-status" className="visually-hidden" aria-live="polite" />
        <section
          id="suggestions"
          className="suggestions"
          aria-labelledby="suggestions-title"
          hidden
          data-title={t('suggestions.title')}
          data-found-1={t('suggestions.found', { count: 1 })}
          data-found-2={t('suggestions.found', { count: 2 })}
          data-found-3={t('suggestions.found', { count: 3 })}
          data-asked={t('suggestions.asked')}
          data-yes={t('suggestions.yes')}
          data-no={t('suggestions.no')}
          data-new-tab={t('suggestions.new_tab')}
          data-deflected-title={t('deflected.title')}
          data-deflected-text={t('deflected.text')}
          data-ask-anyway={t('deflected.ask_anyway')}
        />
        <fieldset className="identify">
          <legend>{t('identify_title')}</legend>
          <p className="help">{t('identify_help')}</p>
          <Field name="phone" state={state} t={t} help={t('field.phone_help')}>
            {text('phone', 'tel', { autoComplete: 'tel', maxLength: PublicQuestionLimits.phoneMax })}
          </Field>
          <Field name="niss" state={state} t={t} help={t('field.niss_help')}>
            {text('niss', 'text', { inputMode: 'numeric', autoComplete: 'off', maxLength: 20 })}
          </Field>
          <Field name="enterprise_number" state={state} t={t} help={t('field.enterprise_number_help')}>
            {text('enterprise_number', 'text', { inputMode: 'numeric', autoComplete: 'off', maxLength: 16 })}
          </Field>
          <Select name="fund" state={state} t={t} choices={choices.funds} />
          <Select name="theme" state={state} t={t} choices={choices.themes} />
        </fieldset>
        {/* The honeypot: out of sight and out of the tab order; robots fill in every field. */}
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">{t('honeypot')}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p>
          <button type="submit">{t('submit')}</button>
        </p>
      </form>
    </>
  );
}

function SentPage({ lang, reference }: { lang: PublicQuestionLanguage; reference: string | undefined }) {
  const t = formTexts(lang);
  return (
    <>
      <h1>{t('sent.title')}</h1>
      {reference && (
        <p className="sent-ref">
          <strong>{t('sent.ref', { ref: reference })}</strong>
        </p>
      )}
      <p>{t('sent.text')}</p>
      <p>
        <a href={`/faq/${lang}`}>{t('sent.back')}</a>
      </p>
    </>
  );
}

/** The form, empty or as it was sent with what is wrong in it. */
export async function renderAskPage(
  context: PublicPageContext,
  form: { state: FormState; choices: Choices; script: string },
): Promise<string> {
  const lang = context.lang as PublicQuestionLanguage;
  const t = formTexts(lang);
  const hasErrors = Object.keys(form.state.errors).length > 0 || Boolean(form.state.alert);
  const render = await loadPublicLayout();
  return render(context, {
    title: hasErrors ? `${t('error_prefix')} – ${t('title')}` : t('title'),
    body: <AskForm lang={lang} state={form.state} choices={form.choices} />,
    scripts: [form.script],
  });
}

/** The confirmation, with the question's reference. */
export async function renderSentPage(context: PublicPageContext, ref: string | undefined): Promise<string> {
  const lang = context.lang as PublicQuestionLanguage;
  const render = await loadPublicLayout();
  return render(context, {
    title: formTexts(lang)('sent.title'),
    body: <SentPage lang={lang} reference={ref} />,
  });
}
