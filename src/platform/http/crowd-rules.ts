/**
 * How a route meets the crowd a crisis brings in (issue 10, point 6):
 * - `probe`: /healthz and /readyz, for the load balancer: never limited, never shed;
 * - `login`: the public routes of /api/v1/auth (password login, single sign-on): limited per
 *   address, but not shed, so staff can still come in while the public floods the site;
 * - `public`: every other public route (the public FAQ, its search and pages): limited per
 *   address and shed first under load;
 * - `staff`: everything that needs a login (and the web app's files): neither.
 */
export type CrowdClass = 'probe' | 'login' | 'public' | 'staff';

export function crowdClassOf(route: { url: string; access?: string | undefined }): CrowdClass {
  if (route.url === '/healthz' || route.url === '/readyz') return 'probe';
  if (route.access !== 'public') return 'staff';
  return route.url.startsWith('/api/v1/auth/') ? 'login' : 'public';
}

/**
 * Under load, anonymous public requests are refused first: they are the crowd, cheap to turn away
 * and easy to retry, while a logged-in person's work (even on a public page) keeps its latency.
 */
export const shouldShed = (request: {
  crowdClass: CrowdClass;
  isAnonymous: boolean;
  isUnderPressure: boolean;
}): boolean => request.isUnderPressure && request.isAnonymous && request.crowdClass === 'public';

/**
 * The per-address limit that applies, or undefined for none. A logged-in caller is not the crowd
 * (staff behind one office address would share a limit); login stays limited for everyone.
 */
export function rateLimitFor(
  request: { crowdClass: CrowdClass; isAnonymous: boolean },
  perMinute: { public: number; login: number },
): number | undefined {
  const limit =
    request.crowdClass === 'login'
      ? perMinute.login
      : request.crowdClass === 'public' && request.isAnonymous
        ? perMinute.public
        : 0;
  return limit > 0 ? limit : undefined;
}
