import { randomUUID } from 'node:crypto';

// A proxy's id (nginx $request_id, a UUID, AWS's `Root=1-…;Parent=…`) is kept so logs line up
// across hops; anything else is replaced: the id is echoed in a header and written to the audit
// log, where a 16 KB or control-character value has no business.
const ACCEPTED = /^[A-Za-z0-9._:=;/+-]{1,128}$/;

/** The request id to use: the caller's `x-request-id` when it is a sane token, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : randomUUID();
}
