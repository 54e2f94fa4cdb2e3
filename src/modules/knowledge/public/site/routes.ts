import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brusselsDay } from '../../../../platform/db/time.js';
import { AppError } from '../../../../platform/errors.js';
import type { Lang } from '../../search/types.js';
import type { KnowledgeSearch } from '../../search-service.js';
import {
  type AnswerCache,
  answeredNotModified,
  IMMUTABLE_CACHE_CONTROL,
  markCacheable,
  PUBLIC_CACHE_CONTROL,
  publicEtag,
} from '../cache.js';
import {
  canonicalRef,
  isPublicLanguage,
  otherLanguage,
  publicQuestionsByTheme,
  readPublicEntry,
  searchPublic,
} from '../faq.js';
import type { PublicMissRecorder } from '../misses.js';
import { preferredContentLanguage } from './language.js';
import type { SearchOutcome } from './pages.js';
import { readPageQuery } from './params.js';
import { STYLESHEET, STYLESHEET_FILE } from './stylesheet.js';
import { textsFor } from './texts.js';

// React and the page components load on the first page asked for, not when the server starts:
// a restart answers health checks and the agents' API as soon as before.
let pagesModule: Promise<typeof import('./pages.js')> | undefined;
const pages = () => {
  pagesModule ??= import('./pages.js');
  return pagesModule;
};

const HTML = 'text/html; charset=utf-8';
const RESULTS_SHOWN = 20;

/** A page of the public site could not be given; the error handler renders it in the page's language. */
class PageProblem extends Error {
  constructor(
    readonly status: 404 | 400 | 410,
    readonly kind: 'not_found' | 'bad_date' | 'gone',
    readonly value = '',
  ) {
    super(kind);
  }
}

/**
 * The public FAQ site, without login: /faq (language choice), /faq/{fr,nl} (themes and search
 * box), /faq/{lang}/search?q= and /faq/{lang}/FAQ-0012. Server-rendered HTML without script,
 * public entries only, the same page for every reader, so that a reverse proxy or a CDN can serve
 * the crowd a crisis brings: every page carries an ETag and Cache-Control (public-cache.ts), and
 * nothing here sets a cookie or reads who the reader is.
 */
export const publicFaqSite: FastifyPluginAsyncTypebox<{
  search: KnowledgeSearch;
  misses: PublicMissRecorder;
  answers: AnswerCache;
}> = async (app, { search, misses, answers }) => {
  // Absolute addresses in <link rel=alternate> only when the public address is known for sure.
  const origin = app.config.RELAIS_PUBLIC_URL ? app.config.publicUrl : '';
  const route = { config: { access: 'public' as const }, schema: { hide: true } };

  const contextFor = (
    lang: Lang,
    path: string,
    alternatePath: string | undefined,
    asOf?: string,
    day = asOf ?? brusselsDay(),
  ) => ({ lang, asOf, day, path, alternatePath, origin });

  const send = async (reply: FastifyReply, status: number, render: (p: Pages) => string) =>
    reply
      .code(status)
      .type(HTML)
      .send(render(await pages()));

  /**
   * Answers 304, or the page kept for this tag and address, or renders it and keeps it unless
   * `make` says not to (a search that found nothing: each one may be a miss to record).
   */
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    etag: string,
    make: (p: Pages) => Promise<{ html: string; keep: boolean }>,
  ) => {
    if (answeredNotModified(request, reply, etag)) return reply;
    const key = `${etag} ${request.url}`;
    let html = answers.get(key);
    if (html === undefined) {
      const made = await make(await pages());
      html = made.html;
      if (made.keep) answers.set(key, html);
    }
    return markCacheable(reply, etag).code(200).type(HTML).send(html);
  };

  // Errors on these pages are pages too, in the language of the address (else the browser's).
  app.setErrorHandler(async (error, request, reply) => {
    // Whatever was set for the page that failed does not describe this answer.
    reply.removeHeader('etag').removeHeader('cache-control').removeHeader('location');
    const lang = pageLanguage(request);
    const t = textsFor(lang);
    const context = contextFor(lang, request.url.split('?')[0] ?? '/faq', undefined);
    const status =
      error instanceof PageProblem || error instanceof AppError
        ? error.status
        : ((error as { statusCode?: number }).statusCode ?? 500);
    if (status >= 500 || status < 400) {
      request.log.error({ err: error }, 'public FAQ page failed');
      const text = t('failure.text', { requestId: request.id });
      return send(reply, 500, (p) => p.renderMessage(context, t('failure.title'), text, false));
    }
    const kind =
      error instanceof PageProblem
        ? error.kind
        : status === 404
          ? 'not_found'
          : status === 410
            ? 'gone'
            : 'bad_request';
    // Not found and gone are as cacheable as pages: a crowd may follow one broken link.
    if (status === 404 || status === 410) reply.header('cache-control', PUBLIC_CACHE_CONTROL);
    const text = t(`${kind}.text`, { value: error instanceof PageProblem ? error.value : '' });
    return send(reply, status, (p) => p.renderMessage(context, t(`${kind}.title`), text, true));
  });

  // Browsers follow the redirect; anything that does not gets both links in the body.
  app.get('/', route, async (request, reply) => {
    const lang = preferredContentLanguage(request.headers['accept-language']);
    reply.header('vary', 'Accept-Language').header('cache-control', 'public, max-age=3600');
    if (!lang) return send(reply, 200, (p) => p.renderLanguageChoice());
    reply.header('location', `/faq/${lang}`);
    return send(reply, 302, (p) => p.renderLanguageChoice());
  });

  app.get('/assets/:file', route, async (request, reply) => {
    const { file } = request.params as { file: string };
    if (file === STYLESHEET_FILE)
      return reply
        .header('cache-control', IMMUTABLE_CACHE_CONTROL)
        .type('text/css; charset=utf-8')
        .send(STYLESHEET);
    // A page cached before a release asks for the stylesheet it was made with: the current one,
    // briefly cached, serves it better than none.
    if (/^faq\.[\w-]{1,20}\.css$/.test(file))
      return reply
        .header('cache-control', 'public, max-age=60')
        .type('text/css; charset=utf-8')
        .send(STYLESHEET);
    throw new PageProblem(404, 'not_found');
  });

  app.get('/:lang', route, async (request, reply) => {
    const lang = languageOf(request);
    const query = readPageQuery(request.query);
    if (!query.ok && query.reason === 'bad_date') throw new PageProblem(400, 'bad_date', query.asOf);
    const asOf = query.ok ? query.asOf : undefined;
    const day = asOf ?? brusselsDay();
    const etag = await publicEtag(search, `home.${lang}`, day);
    return page(request, reply, etag, async (p) => {
      const themes = await publicQuestionsByTheme(app.db, lang, day);
      const context = contextFor(lang, `/faq/${lang}`, `/faq/${otherLanguage(lang)}`, asOf, day);
      return { html: p.renderHome(context, themes), keep: true };
    });
  });

  app.get('/:lang/search', route, async (request, reply) => {
    const lang = languageOf(request);
    const query = readPageQuery(request.query);
    const asOf = query.ok ? query.asOf : undefined;
    const day = asOf ?? brusselsDay();
    // The same words searched in the other language (the search reads both; the page's words change).
    const words = new URLSearchParams({ q: query.q, ...(asOf && { as_of: asOf }) }).toString();
    const context = contextFor(
      lang,
      `/faq/${lang}/search?${words}`,
      `/faq/${otherLanguage(lang)}/search?${words}`,
      asOf,
      day,
    );
    if (!query.ok) {
      // Said on the page, with the form to try again; not cached (a 400 is about this request).
      const outcome: SearchOutcome =
        query.reason === 'bad_date' ? { kind: 'bad_date', value: query.asOf } : { kind: 'too_long' };
      return send(reply, 400, (p) => p.renderSearch(context, query.q, outcome));
    }
    const etag = await publicEtag(search, `search.${lang}`, day);
    return page(request, reply, etag, async (p) => {
      if (query.q === '') return { html: p.renderSearch(context, '', { kind: 'empty' }), keep: true };
      const response = searchPublic(search, { q: query.q, lang, asOf: day, limit: RESULTS_SHOWN });
      const isMiss = response.results.length === 0;
      // Counting a miss is a service to the editors: written later, it never costs the reader the page.
      if (isMiss) misses.record({ query: query.q, lang, asOf: day });
      return { html: p.renderSearch(context, query.q, { kind: 'results', response }), keep: !isMiss };
    });
  });

  app.get('/:lang/:ref', route, async (request, reply) => {
    const lang = languageOf(request);
    const { ref: raw } = request.params as { ref: string };
    if (raw === '') return reply.redirect(`/faq/${lang}`, 301);
    const ref = canonicalRef(raw);
    if (!ref) throw new PageProblem(404, 'not_found');
    const query = readPageQuery(request.query);
    if (!query.ok && query.reason === 'bad_date') throw new PageProblem(400, 'bad_date', query.asOf);
    const asOf = query.ok ? query.asOf : undefined;
    // `faq-12` read out on the phone and typed as heard: one address per entry, for links and caches.
    if (ref !== raw) {
      const suffix = asOf ? `?as_of=${asOf}` : '';
      return reply
        .header('cache-control', 'public, max-age=86400')
        .redirect(`/faq/${lang}/${ref}${suffix}`, 301);
    }
    const day = asOf ?? brusselsDay();
    const etag = await publicEtag(search, `entry.${lang}`, day);
    return page(request, reply, etag, async (p) => {
      const entry = await readPublicEntry(app.db, ref, lang, day);
      const context = contextFor(
        lang,
        `/faq/${lang}/${ref}`,
        `/faq/${otherLanguage(lang)}/${ref}`,
        asOf,
        day,
      );
      return { html: p.renderEntry(context, entry), keep: true };
    });
  });

  // Anything else under /faq: a trailing slash is dropped, the rest is a page not found (not the
  // web app, which would ask for a login).
  app.get('/*', route, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (/^\/faq\/(fr|nl)\/FAQ-\d{4,7}\/$/.test(path)) return reply.redirect(path.slice(0, -1), 301);
    throw new PageProblem(404, 'not_found');
  });
};

type Pages = typeof import('./pages.js');

/** The page's language from its address; an address in another language is a page not found. */
function languageOf(request: FastifyRequest): Lang {
  const { lang } = request.params as { lang?: string };
  if (!isPublicLanguage(lang)) throw new PageProblem(404, 'not_found');
  return lang;
}

/** The language to speak on an error page: the address's, else the browser's, else French. */
function pageLanguage(request: FastifyRequest): Lang {
  const segment = /^\/faq\/(fr|nl)(?:[/?]|$)/.exec(request.url)?.[1];
  if (isPublicLanguage(segment)) return segment;
  return preferredContentLanguage(request.headers['accept-language']) ?? 'fr';
}
