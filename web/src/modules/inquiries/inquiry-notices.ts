import { useEffect, useRef } from 'react';

/**
 * Calls `onNotice(ref)` when a fund answers a request of an inquiry the person works on (or their
 * team holds), as server-sent events (`partner_answered`). The browser reconnects by itself after
 * a network cut and sends the last notice it received, so the server replays the ones missed
 * meanwhile; when too many were missed it sends `resync`, and `onResync` reloads the lists.
 */
export function useInquiryNotices(
  onNotice: (ref: string) => void,
  onResync: () => void,
  options: { enabled: boolean },
): void {
  const handler = useRef(onNotice);
  handler.current = onNotice;
  const resyncHandler = useRef(onResync);
  resyncHandler.current = onResync;
  useEffect(() => {
    if (!options.enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/inquiries/events');
    const listener = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { ref?: unknown };
        if (typeof data.ref === 'string') handler.current(data.ref);
      } catch {
        // A malformed notice tells nothing; the next one will.
      }
    };
    const resync = () => resyncHandler.current();
    source.addEventListener('partner_answered', listener);
    source.addEventListener('resync', resync);
    return () => {
      source.removeEventListener('partner_answered', listener);
      source.removeEventListener('resync', resync);
      source.close();
    };
  }, [options.enabled]);
}
