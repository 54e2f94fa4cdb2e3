import { useEffect, useRef } from 'react';

/**
 * Calls `onRef(ref)` for each `event` of the server-sent events at `url` whose data names a `ref`.
 * The browser reconnects by itself after a network cut (the server says `retry: 5000`) and sends the
 * last event it received, so the server first replays the ones missed meanwhile; when too many were
 * missed it sends `resync` instead, and `onResync` reloads everything. The stream is closed when the
 * screen goes away or `enabled` turns false.
 */
export function useEventStream(
  url: string,
  event: string,
  onRef: (ref: string) => void,
  onResync: () => void,
  enabled = true,
): void {
  // The latest callbacks, without reopening the stream each time the screen renders.
  const handler = useRef(onRef);
  handler.current = onRef;
  const resyncHandler = useRef(onResync);
  resyncHandler.current = onResync;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(url);
    const listener = (message: MessageEvent<string>) => {
      try {
        const data = JSON.parse(message.data) as { ref?: unknown };
        if (typeof data.ref === 'string') handler.current(data.ref);
      } catch {
        // A malformed event tells nothing; the next one will.
      }
    };
    const resync = () => resyncHandler.current();
    source.addEventListener(event, listener);
    source.addEventListener('resync', resync);
    return () => {
      source.removeEventListener(event, listener);
      source.removeEventListener('resync', resync);
      source.close();
    };
  }, [url, event, enabled]);
}
