import { useEffect, useRef } from 'react';

/**
 * Calls `onChange(ref)` for each FAQ change the server publishes (server-sent events, event
 * `entry_changed`). The browser reconnects by itself after a network cut (the server says
 * `retry: 5000`); the stream is closed when the screen goes away.
 */
export function useEntryChanges(onChange: (ref: string) => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
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
    source.addEventListener('entry_changed', listener);
    return () => {
      source.removeEventListener('entry_changed', listener);
      source.close();
    };
  }, []);
}
