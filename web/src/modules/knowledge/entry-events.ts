import { useEffect, useRef } from 'react';

/**
 * Calls `onChange(ref)` for each FAQ change the server publishes (server-sent events, event
 * `entry_changed`). The browser reconnects by itself after a network cut (the server says
 * `retry: 5000`) and sends the last change it received, so the server first replays the ones missed
 * meanwhile; when too many were missed it sends `resync` instead, and `onResync` reloads everything.
 * The stream is closed when the screen goes away.
 */
export function useEntryChanges(onChange: (ref: string) => void, onResync: () => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  const resyncHandler = useRef(onResync);
  resyncHandler.current = onResync;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/knowledge/events');
    const listener = (event: MessageEvent<string>) => {
      try {
        const data = JSON.parse(event.data) as { ref?: unknown };
        if (typeof data.ref === 'string') handler.current(data.ref);
      } catch {
        // A malformed event tells nothing; the next one will.
      }
    };
    const resync = () => resyncHandler.current();
    source.addEventListener('entry_changed', listener);
    source.addEventListener('resync', resync);
    return () => {
      source.removeEventListener('entry_changed', listener);
      source.removeEventListener('resync', resync);
      source.close();
    };
  }, []);
}
