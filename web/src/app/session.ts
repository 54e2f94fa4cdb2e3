import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Me, RevokedSessions } from '../../../src/platform/auth/contract.js';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api.js';
import { currentLanguage, i18n, rememberLanguage } from './i18n.js';
import { isLanguage, type Language } from './languages.js';

export type { Me };
export const ME_KEY = ['me'] as const;

// A language picked on the login page is a decision made just now, by the person about to log in:
// it beats the account's stored one. Kept for this tab only (a reload keeps it, the next person
// on a shared computer does not inherit it).
const PICKED_KEY = 'relais.languagePickedBeforeLogin';
const pickedBeforeLogin = {
  mark(): void {
    try {
      sessionStorage.setItem(PICKED_KEY, '1');
    } catch {
      // storage disabled: the account's language will win, which is a fair default
    }
  },
  take(): boolean {
    try {
      const isPicked = sessionStorage.getItem(PICKED_KEY) === '1';
      sessionStorage.removeItem(PICKED_KEY);
      return isPicked;
    } catch {
      return false;
    }
  },
};

/** Follows the account's language when the session starts, unless the person just picked one. */
async function adoptLanguage(me: Me): Promise<Me> {
  const language = currentLanguage();
  if (pickedBeforeLogin.take() && me.language !== language) {
    return api<Me>('/me', { method: 'PATCH', body: { language } });
  }
  if (isLanguage(me.language) && me.language !== language) {
    await i18n.changeLanguage(me.language);
    rememberLanguage(me.language);
  }
  return me;
}

/** Who is logged in: null when nobody is (the API answers 401). */
async function loadMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me');
    setCsrfToken(me.csrfToken);
    return await adoptLanguage(me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The session, loaded once; every screen reads it from the query cache. */
export function useMe() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        queryClient.setQueryData(ME_KEY, null);
      }),
    [queryClient],
  );
  return useQuery({ queryKey: ME_KEY, queryFn: loadMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

/** The logged-in person; only for screens behind RequireAuth. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a logged-in screen');
  return data;
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  const endSession = () => {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
  };
  return {
    async login(username: string, password: string): Promise<Me> {
      const answer = await api<Me>('/auth/login', {
        method: 'POST',
        body: { username, password },
        isLoginCall: true,
      });
      setCsrfToken(answer.csrfToken);
      const me = await adoptLanguage(answer);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
      return me;
    },
    async logout(): Promise<void> {
      await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
      endSession();
    },
    async logoutEverywhere(): Promise<number> {
      const { revoked } = await api<RevokedSessions>('/auth/logout-everywhere', { method: 'POST' });
      endSession();
      return revoked;
    },
    /** Switches the interface language, remembers it here and, when logged in, on the account. */
    async changeLanguage(language: Language): Promise<void> {
      await i18n.changeLanguage(language);
      rememberLanguage(language);
      const me = queryClient.getQueryData<Me | null>(ME_KEY);
      if (!me) {
        pickedBeforeLogin.mark();
        return;
      }
      if (me.language === language) return;
      const updated = await api<Me>('/me', { method: 'PATCH', body: { language } });
      queryClient.setQueryData(ME_KEY, updated);
    },
  };
}

/** Whether the logged-in person holds an ability (navigation and buttons follow it; the server decides). */
export const hasAbility = (me: Me | null | undefined, ability: string): boolean =>
  Boolean(me?.abilities.includes(ability as Me['abilities'][number]));
