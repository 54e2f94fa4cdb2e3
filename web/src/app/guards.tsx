import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ForbiddenPage } from './error-pages.js';
import { hasAbility, useMe } from './session.js';
import { ErrorState, LoadingState } from './ui.js';

/** Logged-out visitors go to the login page, which brings them back here afterwards. */
export function RequireAuth(props: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const returnTo = location.pathname + location.search;
    return (
      <Navigate
        to={returnTo === '/' ? '/login' : `/login?returnTo=${encodeURIComponent(returnTo)}`}
        replace
      />
    );
  }
  return props.children;
}

/** A page for an ability: without it, a clear "not allowed" page (the API would refuse anyway). */
export function RequireAbility(props: { ability: string; children: ReactNode }) {
  const { data } = useMe();
  return hasAbility(data, props.ability) ? props.children : <ForbiddenPage />;
}
