import type { FieldProblem } from '../../../src/platform/http/contract.js';
import { currentLanguage } from './i18n.js';

export type { FieldProblem };

/** A problem document turned into an error: `code` is stable and doubles as an i18n key. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly fieldErrors: FieldProblem[],
    /** The whole document: its extra members are the message's parameters (`count`, `minutes`…). */
    readonly problem: Record<string, unknown>,
  ) {
    super(title);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token (from the login answer or GET /me), sent back on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthorizedListeners = new Set<() => void>();

/** Called when the server says the session is gone (expired, logged out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Extra request headers, such as an `Idempotency-Key` that makes a retried write safe. */
  headers?: Record<string, string>;
  /** The login call expects 401 for a wrong password; it must not count as "session lost". */
  isLoginCall?: boolean;
};

export function withQuery(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls the Relais API; resolves with the JSON answer or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'web.errors.network', 'Network error', [], {});
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return data as T;

  const problem = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : 'http.internal';
  if (response.status === 401 && !options.isLoginCall)
    for (const listener of unauthorizedListeners) listener();
  throw new ApiError(
    response.status,
    code,
    typeof problem.title === 'string' ? problem.title : response.statusText,
    Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [],
    problem,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
