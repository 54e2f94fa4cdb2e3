import MarkdownIt from 'markdown-it';

// Raw HTML in the source is shown as text, never rendered; markdown-it's link check refuses
// javascript:, vbscript:, file: and data: (except images) URLs. So FAQ answers written by editors,
// or pasted from a mail, cannot carry a script onto an agent's or a citizen's screen.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (/^https?:/i.test(token.attrGet('href') ?? '')) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Markdown to sanitised HTML (no raw HTML, no script links). */
export const renderMarkdown = (source: string): string => markdown.render(source);

/**
 * The same Markdown as tokens, for renderers that are not HTML (the printable PDF): the same
 * rules apply (raw HTML is text, unsafe links are not links).
 */
export const parseMarkdown = (source: string): ReturnType<MarkdownIt['parse']> => markdown.parse(source, {});
