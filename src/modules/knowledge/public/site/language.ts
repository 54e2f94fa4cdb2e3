import type { Lang } from '../../search/types.js';

/**
 * French or Dutch, whichever the Accept-Language header ranks first (q-values honoured); undefined
 * when it names neither (the visitor then chooses). Regional tags count: `nl-BE` is Dutch.
 */
export function preferredContentLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.slice(0, 500).split(',')) {
    const [tag = '', ...rest] = part.trim().split(';');
    const lang = tag.trim().toLowerCase().slice(0, 2);
    if ((lang !== 'fr' && lang !== 'nl') || (tag.length > 2 && tag[2] !== '-')) continue;
    const qParam = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang;
}
