import type { PageContext } from './pages.js';

/** What a page of the public site knows (its language, day, paths): for pages other modules render. */
export type PublicPageContext = PageContext;

/**
 * The public site's page layout, loaded on first use (React and the page components are not
 * loaded when the server starts; see routes.ts).
 */
export const loadPublicLayout = async () => (await import('./pages.js')).renderInLayout;
