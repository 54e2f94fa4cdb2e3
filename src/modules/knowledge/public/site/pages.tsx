import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Lang, SearchHit, SearchResponse } from '../../search/types.js';
import { otherLanguage, type PublicEntry, type PublicTheme } from '../faq.js';
import { STYLESHEET_PATH } from './stylesheet.js';
import { formatDay, formatPeriod, textsFor } from './texts.js';

// The public FAQ's pages: plain HTML from the server, no script. One <h1> each, landmarks (header,
// main, footer, navigation, search), a skip link, labelled fields, the page's language on <html>
// and the other language's words marked with theirs.

/** What every page knows: its language, the day it is about, and where it lives in both languages. */
export type PageContext = {
  lang: Lang;
  /** The day asked about with `as_of`; undefined for today. */
  asOf: string | undefined;
  /** Today (Brussels), or the day asked about. */
  day: string;
  /** This page's path, and the same page in the other language (none for pages without one). */
  path: string;
  alternatePath: string | undefined;
  /** Prepended to the paths of <link rel=alternate> (the public address when one is configured). */
  origin: string;
};

/** A page's HTML document. */
const renderDocument = (page: ReactNode): string => `<!DOCTYPE html>${renderToStaticMarkup(page)}`;

const homePath = (lang: Lang) => `/faq/${lang}`;

/** A path on the public site, keeping the day asked about. */
function withDay(path: string, asOf: string | undefined, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...params, ...(asOf && { as_of: asOf }) }).toString();
  return query ? `${path}?${query}` : path;
}

function Layout(props: {
  context: PageContext;
  title: string;
  description?: string;
  /** Search results and error pages are for the reader, not for search engines. */
  noIndex?: boolean;
  /** Scripts that improve the page (deferred; the page works without them). */
  scripts?: readonly string[];
  children: ReactNode;
}) {
  const { lang, alternatePath, origin, path } = props.context;
  const t = textsFor(lang);
  const other = otherLanguage(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t('site_name')}`}</title>
        {props.description && <meta name="description" content={props.description} />}
        {props.noIndex && <meta name="robots" content="noindex" />}
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {alternatePath && <link rel="alternate" hrefLang={lang} href={`${origin}${path}`} />}
        {alternatePath && <link rel="alternate" hrefLang={other} href={`${origin}${alternatePath}`} />}
        {props.scripts?.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skip_link')}
        </a>
        <header className="site-header">
          <div className="wrap header-row">
            <a className="site-name" href={homePath(lang)}>
              {t('site_name')}
            </a>
            {alternatePath && (
              <nav aria-label={t('language_nav')}>
                <a href={alternatePath} hrefLang={other} lang={other}>
                  {textsFor(other)('language_name')}
                </a>
              </nav>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="wrap">
          {props.children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t('footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function SearchForm({ context, q }: { context: PageContext; q: string }) {
  const { lang, asOf } = context;
  const t = textsFor(lang);
  return (
    <search className="search" aria-label={t('search.form_label')}>
      <form action={`/faq/${lang}/search`}>
        <label htmlFor="q">{t('search.label')}</label>
        <p className="help" id="q-help">
          {t('search.help')}
        </p>
        <div className="search-row">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            aria-describedby="q-help"
            spellCheck={false}
          />
          <button type="submit">{t('search.submit')}</button>
        </div>
        <details open={Boolean(asOf)}>
          <summary>{t('search.other_day')}</summary>
          <div className="date-row">
            <label htmlFor="as_of">{t('search.as_of')}</label>
            <p className="help" id="as_of-help">
              {t('search.as_of_help')}
            </p>
            <div className="search-row">
              <input
                id="as_of"
                name="as_of"
                type="date"
                defaultValue={asOf ?? ''}
                aria-describedby="as_of-help"
              />
            </div>
          </div>
        </details>
      </form>
    </search>
  );
}

/** Where a reader whose question the FAQ does not answer asks it (the inquiries module's form). */
export const askPath = (lang: Lang) => `/faq/${lang}/ask`;

function AskLink({ lang }: { lang: Lang }) {
  const t = textsFor(lang);
  return (
    <aside className="notice ask" aria-labelledby="ask-title">
      <p id="ask-title">
        <strong>{t('ask.title')}</strong>
      </p>
      <p>
        <a href={askPath(lang)}>{t('ask.link')}</a>
      </p>
    </aside>
  );
}

/** Says which day the page is about when it is not today, with the way back to today. */
function DayNotice({ context, todayPath }: { context: PageContext; todayPath: string }) {
  if (!context.asOf) return null;
  const t = textsFor(context.lang);
  return (
    <div className="notice">
      <p>{t('as_of_notice', { day: formatDay(context.lang, context.asOf) })}</p>
      <p>
        <a href={todayPath}>{t('back_to_today')}</a>
      </p>
    </div>
  );
}

const Period = ({ lang, from, to }: { lang: Lang; from: string; to: string | null }) => (
  <span className="period">{formatPeriod(lang, from, to)}</span>
);

function HomePage({ context, themes }: { context: PageContext; themes: PublicTheme[] }) {
  const { lang, asOf } = context;
  const t = textsFor(lang);
  return (
    <Layout context={context} title={t('title')} description={t('intro')}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <DayNotice context={context} todayPath={homePath(lang)} />
      <SearchForm context={context} q="" />
      {themes.length === 0 ? (
        <p>{t('home.empty')}</p>
      ) : (
        <>
          <nav aria-labelledby="themes-title">
            <h2 id="themes-title">{t('home.themes')}</h2>
            <ul className="theme-index">
              {themes.map((theme) => (
                <li key={theme.code}>
                  <a href={`#theme-${theme.code}`}>{theme.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          {themes.map((theme) => (
            <section key={theme.code} aria-labelledby={`theme-${theme.code}`}>
              <h2 id={`theme-${theme.code}`}>{theme.name}</h2>
              {theme.current.length > 0 ? (
                <ul className="questions">
                  {theme.current.map((question) => (
                    <li key={question.ref}>
                      <a href={withDay(`/faq/${lang}/${question.ref}`, asOf)}>{question.question}</a>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('home.none_on_day', { day: formatDay(lang, context.day) })}</p>
              )}
              {theme.others.length > 0 && (
                <details>
                  <summary>{t('home.other_periods', { count: theme.others.length })}</summary>
                  <ul className="questions">
                    {theme.others.map((question) => (
                      <li key={question.ref}>
                        <a href={withDay(`/faq/${lang}/${question.ref}`, asOf)}>{question.question}</a>{' '}
                        <Period lang={lang} from={question.validFrom} to={question.validTo} />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </section>
          ))}
        </>
      )}
      <AskLink lang={lang} />
    </Layout>
  );
}

function Hit({ context, hit, heading }: { context: PageContext; hit: SearchHit; heading: 'h2' | 'h3' }) {
  const { lang, asOf } = context;
  const t = textsFor(lang);
  const Heading = heading;
  return (
    <li>
      <Heading className="result-title">
        <a
          href={withDay(`/faq/${lang}/${hit.ref}`, asOf)}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by the search, <mark> its only markup.
          dangerouslySetInnerHTML={{ __html: hit.highlights.question }}
        />
      </Heading>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped by the search, <mark> its only markup. */}
      <p className="excerpt" dangerouslySetInnerHTML={{ __html: hit.highlights.answer }} />
      <p className="meta">
        {hit.ref} · <Period lang={lang} from={hit.validFrom} to={hit.validTo} />
        {!hit.isValidOnDate && <span className="badge">{t('search.other_period')}</span>}
      </p>
    </li>
  );
}

export type SearchOutcome =
  | { kind: 'results'; response: SearchResponse }
  | { kind: 'empty' }
  | { kind: 'too_long' }
  | { kind: 'bad_date'; value: string };

function SearchPage(props: { context: PageContext; q: string; outcome: SearchOutcome }) {
  const { context, q, outcome } = props;
  const { lang } = context;
  const t = textsFor(lang);
  const title = outcome.kind === 'results' ? t('search.results_title', { q }) : t('search.title');
  return (
    <Layout context={context} title={title} noIndex>
      <h1>{title}</h1>
      <DayNotice context={context} todayPath={withDay(`/faq/${lang}/search`, undefined, { q })} />
      <SearchForm context={context} q={q} />
      {outcome.kind === 'empty' && <p>{t('search.empty')}</p>}
      {outcome.kind === 'too_long' && (
        <div className="notice warning">
          <p>{t('search.too_long', { max: 200 })}</p>
        </div>
      )}
      {outcome.kind === 'bad_date' && (
        <div className="notice warning">
          <p>{t('bad_date.text', { value: outcome.value })}</p>
        </div>
      )}
      {outcome.kind === 'results' && <Results context={context} q={q} response={outcome.response} />}
      <AskLink lang={lang} />
    </Layout>
  );
}

function Results({ context, q, response }: { context: PageContext; q: string; response: SearchResponse }) {
  const { lang, day } = context;
  const t = textsFor(lang);
  if (response.results.length === 0) {
    return (
      <>
        <p>
          <strong>{t('search.none', { q })}</strong>
        </p>
        <p>
          {t('search.none_help')} <a href={withDay(homePath(lang), context.asOf)}>{t('search.browse')}</a>
        </p>
      </>
    );
  }
  const valid = response.results.filter((hit) => hit.isValidOnDate);
  const others = response.results.filter((hit) => !hit.isValidOnDate);
  return (
    <>
      {response.fallback && (
        <div className="notice warning">
          <p>
            <strong>{t('search.fallback_title', { day: formatDay(lang, day) })}</strong>
          </p>
          <p>{t('search.fallback_text')}</p>
        </div>
      )}
      <p>{t('search.count', { count: response.results.length })}</p>
      {valid.length > 0 && (
        <section aria-labelledby="valid-title">
          <h2 id="valid-title">{t('search.valid_on', { day: formatDay(lang, day) })}</h2>
          <ol className="results">
            {valid.map((hit) => (
              <Hit key={hit.ref} context={context} hit={hit} heading="h3" />
            ))}
          </ol>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="others-title">
          <h2 id="others-title">{t('search.other_periods')}</h2>
          <ol className="results">
            {others.map((hit) => (
              <Hit key={hit.ref} context={context} hit={hit} heading="h3" />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

const isWebAddress = (text: string) => /^https?:\/\/\S+$/i.test(text);

function EntryPage({ context, entry }: { context: PageContext; entry: PublicEntry }) {
  const { lang, asOf, day } = context;
  const t = textsFor(lang);
  const other = otherLanguage(lang);
  const applying = entry.chain.find((item) => item.isValidOnDate && !item.isThisEntry);
  return (
    <Layout context={context} title={entry.question}>
      <nav aria-label={t('entry.breadcrumb')}>
        <ol className="breadcrumb">
          <li>
            <a href={withDay(homePath(lang), asOf)}>{t('title')}</a>
          </li>
          <li>
            <a href={`${withDay(homePath(lang), asOf)}#theme-${entry.theme.code}`}>{entry.theme.name}</a>
          </li>
        </ol>
      </nav>
      <article aria-labelledby="question">
        <h1 id="question">{entry.question}</h1>
        <p className="ref">{t('entry.ref', { ref: entry.ref })}</p>
        {entry.isValidOnDate ? (
          <div className="notice">
            <p>{t('entry.valid_on', { day: formatDay(lang, day) })}</p>
          </div>
        ) : (
          <div className="notice warning">
            <p>
              <strong>{t('entry.not_valid_on', { day: formatDay(lang, day) })}</strong>{' '}
              {t('entry.applies_during', { period: formatPeriod(lang, entry.validFrom, entry.validTo) })}
            </p>
            {applying && (
              <p>
                <a href={withDay(`/faq/${lang}/${applying.ref}`, asOf)}>
                  {t('entry.see_applying', { day: formatDay(lang, day) })}
                </a>
              </p>
            )}
          </div>
        )}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered without raw HTML or script links (platform/markdown.ts). */}
        <div className="answer" dangerouslySetInnerHTML={{ __html: entry.answerHtml }} />
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('entry.about')}</h2>
          <dl className="about">
            <dt>{t('entry.validity')}</dt>
            <dd>{formatPeriod(lang, entry.validFrom, entry.validTo)}</dd>
            <dt>{t('entry.version')}</dt>
            <dd>
              {t('entry.version_of', { version: entry.version, day: formatDay(lang, entry.publishedOn) })}
            </dd>
            <dt>{t('entry.theme')}</dt>
            <dd>{entry.theme.name}</dd>
            {entry.legalBasis.trim() !== '' && (
              <>
                <dt>{t('entry.legal_basis')}</dt>
                <dd>{entry.legalBasis}</dd>
              </>
            )}
            {entry.sources.length > 0 && (
              <>
                <dt>{t('entry.sources')}</dt>
                <dd>
                  <ul>
                    {entry.sources.map((source) => (
                      <li key={source}>
                        {isWebAddress(source) ? (
                          <a href={source} rel="noopener noreferrer">
                            {source}
                          </a>
                        ) : (
                          source
                        )}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </section>
        {entry.chain.length > 1 && (
          <section aria-labelledby="chain-title">
            <h2 id="chain-title">{t('entry.chain')}</h2>
            <p className="help">{t('entry.chain_help')}</p>
            <ol className="chain">
              {entry.chain.map((item) => (
                <li key={item.ref}>
                  {item.isThisEntry ? (
                    <span aria-current="page">
                      <strong>{formatPeriod(lang, item.validFrom, item.validTo)}</strong> ({item.ref},{' '}
                      {t('entry.this_page')})
                    </span>
                  ) : (
                    <>
                      <a href={withDay(`/faq/${lang}/${item.ref}`, asOf)}>
                        {formatPeriod(lang, item.validFrom, item.validTo)}
                      </a>{' '}
                      ({item.ref})
                    </>
                  )}
                  {item.isValidOnDate && <> — {t('entry.applies_on', { day: formatDay(lang, day) })}</>}
                </li>
              ))}
            </ol>
          </section>
        )}
        <p className="other-language">
          <a href={withDay(`/faq/${other}/${entry.ref}`, asOf)} hrefLang={other} lang={other}>
            {textsFor(other)('entry.read_in_language')}
          </a>
        </p>
      </article>
      <AskLink lang={lang} />
    </Layout>
  );
}

/** A page that only says something (not found, gone, bad address, failure), with a way on. */
function MessagePage(props: { context: PageContext; title: string; text: string; withSearch?: boolean }) {
  const { context } = props;
  const t = textsFor(context.lang);
  return (
    <Layout context={context} title={props.title} noIndex>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.withSearch && <SearchForm context={context} q="" />}
      <p>
        <a href={homePath(context.lang)}>{t('back_home')}</a>
      </p>
    </Layout>
  );
}

/** The choice of language, for a visitor whose browser asks for neither French nor Dutch. */
function LanguageChoicePage() {
  const fr = textsFor('fr');
  const nl = textsFor('nl');
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${fr('site_name')} – ${nl('site_name')}`}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hrefLang="fr" href="/faq/fr" />
        <link rel="alternate" hrefLang="nl" href="/faq/nl" />
      </head>
      <body>
        <main id="main" className="wrap">
          <h1>
            {fr('site_name')} – <span lang="nl">{nl('site_name')}</span>
          </h1>
          <nav aria-label={`${fr('choose_language')} / ${nl('choose_language')}`}>
            <ul className="questions">
              <li>
                <a href="/faq/fr" hrefLang="fr">
                  {fr('language_name')}
                </a>
              </li>
              <li lang="nl">
                <a href="/faq/nl" hrefLang="nl">
                  {nl('language_name')}
                </a>
              </li>
            </ul>
          </nav>
        </main>
      </body>
    </html>
  );
}

// What the routes call: each page as an HTML document.
export const renderHome = (context: PageContext, themes: PublicTheme[]) =>
  renderDocument(<HomePage context={context} themes={themes} />);
export const renderSearch = (context: PageContext, q: string, outcome: SearchOutcome) =>
  renderDocument(<SearchPage context={context} q={q} outcome={outcome} />);
export const renderEntry = (context: PageContext, entry: PublicEntry) =>
  renderDocument(<EntryPage context={context} entry={entry} />);
export const renderMessage = (context: PageContext, title: string, text: string, withSearch: boolean) =>
  renderDocument(<MessagePage context={context} title={title} text={text} withSearch={withSearch} />);
export const renderLanguageChoice = () => renderDocument(<LanguageChoicePage />);

/**
 * A page of the public site (header, language switch, footer, stylesheet) around content another
 * module renders: the public question form. Never indexed: it is a form, not an answer.
 */
export const renderInLayout = (
  context: PageContext,
  page: { title: string; body: ReactNode; scripts?: readonly string[] },
) =>
  renderDocument(
    <Layout context={context} title={page.title} noIndex {...(page.scripts && { scripts: page.scripts })}>
      {page.body}
    </Layout>,
  );
