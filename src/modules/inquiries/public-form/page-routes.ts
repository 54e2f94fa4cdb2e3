import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { brusselsDay } from '../../../platform/db/time.js';
import { AppError } from '../../../platform/errors.js';
import { translate } from '../../../platform/i18n/i18n.js';
import { parseInquiryRef } from '../../../shared/spoken-refs.js';
import { listPartnerOrganisations } from '../../directory/index.js';
import { listThemeChoices, otherLanguage } from '../../knowledge/index.js';
import { PUBLIC_QUESTION_LANGUAGES, type PublicQuestionLanguage, PublicQuestionLimits } from '../contract.js';
import { type Choices, FORM_FIELDS, type FormField, type FormState } from './pages.js';
import { SUGGEST_SCRIPT, SUGGEST_SCRIPT_FILE, SUGGEST_SCRIPT_PATH } from './suggest-script.js';

const HTML = 'text/html; charset=utf-8';
const QUESTIONS_API = '/api/v1/public/questions';

// React and the pages load on the first form asked for, as the public FAQ site's do.
let pagesModule: Promise<typeof import('./pages.js')> | undefined;
const pages = () => {
  pagesModule ??= import('./pages.js');
  return pagesModule;
};

type Problem = { title?: string; errors?: { field: string; message: string }[] };

/**
 * The public question form's pages, in the public FAQ site (/faq/{fr,nl}/ask): a plain HTML form
 * that posts, then redirects to the confirmation with the reference (POST, redirect, GET: a reload
 * sends nothing twice). The page sends the question to the public API in-process
 * (POST /api/v1/public/questions, from the reader's address): one way in, with the same checks,
 * per-address limit and messages, whether a person uses this page, a script or another site. On a
 * refusal the form comes back as it was typed, each problem next to its field. Nothing is cached
 * (a form and its answers are about one person), no cookie is set.
 */
export const publicQuestionPages: FastifyPluginAsync = async (app) => {
  const route = { config: { access: 'public' as const }, schema: { hide: true } };

  // A form posted without script arrives URL-encoded; only this plugin reads it.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: PublicQuestionLimits.bodyMaxBytes },
    (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(body as string)) fields[key] ??= value;
      done(null, fields);
    },
  );

  const choicesFor = async (lang: PublicQuestionLanguage): Promise<Choices> => {
    const db = app.db;
    const [funds, themes] = await Promise.all([listPartnerOrganisations(db), listThemeChoices(db)]);
    const collator = new Intl.Collator(`${lang}-BE`);
    const named = (items: { code: string; name: string }[]) =>
      items.sort((a, b) => collator.compare(a.name, b.name));
    return {
      funds: named(
        funds
          .filter((fund) => fund.isActive)
          .map((fund) => ({ code: fund.code, name: lang === 'nl' ? fund.nameNl : fund.nameFr })),
      ),
      themes: named(
        themes.map((theme) => ({ code: theme.code, name: lang === 'nl' ? theme.nameNl : theme.nameFr })),
      ),
    };
  };

  const contextFor = (lang: PublicQuestionLanguage, path: string, alternatePath: string | undefined) => ({
    lang,
    asOf: undefined,
    day: brusselsDay(),
    path,
    alternatePath,
    origin: app.config.RELAIS_PUBLIC_URL ? app.config.publicUrl : '',
  });

  const sendForm = async (
    reply: FastifyReply,
    lang: PublicQuestionLanguage,
    status: number,
    state: FormState,
  ) => {
    const { renderAskPage } = await pages();
    const html = await renderAskPage(
      contextFor(lang, `/faq/${lang}/ask`, `/faq/${otherLanguage(lang)}/ask`),
      {
        state,
        choices: await choicesFor(lang),
        script: SUGGEST_SCRIPT_PATH,
      },
    );
    return reply.code(status).header('cache-control', 'no-store').type(HTML).send(html);
  };

  // Errors of these pages (a body too large, characters a form cannot hold) are the form again, saying so.
  app.setErrorHandler(async (error, request, reply) => {
    const lang = languageOf(request);
    const status =
      error instanceof AppError ? error.status : ((error as { statusCode?: number }).statusCode ?? 500);
    if (status >= 500) {
      request.log.error({ err: error }, 'public question page failed');
      const alert = translate(lang, 'publicFaq.failure.text', { requestId: request.id });
      return sendForm(reply, lang, 500, { values: {}, errors: {}, alert });
    }
    const values = formValues(request.body);
    const errors: FormState['errors'] = {};
    for (const fieldError of error instanceof AppError ? error.fieldErrors : [])
      if (isFormField(fieldError.field))
        errors[fieldError.field] ??= translate(lang, fieldError.code, fieldError.params);
    const code = status === 413 ? 'http.payload_too_large' : 'http.bad_request';
    const alert = Object.keys(errors).length > 0 ? undefined : translate(lang, code);
    return sendForm(reply, lang, status, { values: status === 413 ? {} : values, errors, alert });
  });

  app.get(`/faq/ask-assets/${SUGGEST_SCRIPT_FILE}`, route, async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/javascript; charset=utf-8')
      .send(SUGGEST_SCRIPT),
  );

  // One address per language (static paths: the public site's /faq/:lang/:ref keeps the rest).
  for (const lang of PUBLIC_QUESTION_LANGUAGES) {
    const formPath = `/faq/${lang}/ask`;

    app.get(formPath, route, async (_request, reply) =>
      sendForm(reply, lang, 200, { values: {}, errors: {} }),
    );

    app.post(formPath, { ...route, bodyLimit: PublicQuestionLimits.bodyMaxBytes }, async (request, reply) => {
      const values = formValues(request.body);
      const answer = await app.inject({
        method: 'POST',
        url: QUESTIONS_API,
        remoteAddress: request.ip,
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        payload: JSON.stringify(apiBody(request.body)),
      });
      if (answer.statusCode === 201) {
        const { ref } = answer.json() as { ref: string };
        return reply.redirect(`${formPath}/sent?ref=${encodeURIComponent(ref)}`, 303);
      }
      const problem = readProblem(answer.body);
      const errors: FormState['errors'] = {};
      const others: string[] = [];
      for (const error of problem.errors ?? []) {
        if (isFormField(error.field)) errors[error.field] ??= error.message;
        else others.push(error.message);
      }
      const alert =
        Object.keys(errors).length === 0 || others.length > 0
          ? [problem.title, ...others].filter(Boolean).join(' ')
          : undefined;
      if (answer.headers['retry-after']) reply.header('retry-after', String(answer.headers['retry-after']));
      const status = answer.statusCode >= 500 ? 503 : answer.statusCode;
      return sendForm(reply, lang, status, { values, errors, alert });
    });

    app.get(`${formPath}/sent`, route, async (request, reply) => {
      const raw = (request.query as { ref?: unknown }).ref;
      const ref = typeof raw === 'string' ? parseInquiryRef(raw.slice(0, 40)) : undefined;
      const { renderSentPage } = await pages();
      const html = await renderSentPage(contextFor(lang, `${formPath}/sent`, undefined), ref);
      return reply.header('cache-control', 'no-store').type(HTML).send(html);
    });
  }
};

/** The page's language, from its address (`/faq/nl/ask`). */
function languageOf(request: FastifyRequest): PublicQuestionLanguage {
  return request.url.startsWith('/faq/nl/') ? 'nl' : 'fr';
}

const isFormField = (field: string): field is FormField => (FORM_FIELDS as readonly string[]).includes(field);

/** What was typed, to give it back (clipped to the field's size; nothing else is echoed). */
function formValues(body: unknown): FormState['values'] {
  const fields = (body ?? {}) as Record<string, unknown>;
  const values: FormState['values'] = {};
  for (const field of FORM_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') values[field] = value.slice(0, PublicQuestionLimits.questionMax);
  }
  return values;
}

/** The API's body from the form's fields: the fields it knows, those left empty left out. */
function apiBody(body: unknown): Record<string, string> {
  const fields = (body ?? {}) as Record<string, unknown>;
  const result: Record<string, string> = {};
  for (const field of [...FORM_FIELDS, 'website']) {
    const value = fields[field];
    if (typeof value === 'string' && value.trim() !== '') result[field] = value;
  }
  return result;
}

function readProblem(body: string): Problem {
  try {
    return JSON.parse(body) as Problem;
  } catch {
    return {};
  }
}
