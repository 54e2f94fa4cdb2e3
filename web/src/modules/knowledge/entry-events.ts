import { useEventStream } from '../../app/event-stream.js';

/**
 * Calls `onChange(ref)` for each FAQ change the server publishes (server-sent events, event
 * `entry_changed`); `onResync` reloads everything when too many were missed to replay.
 */
export function useEntryChanges(onChange: (ref: string) => void, onResync: () => void): void {
  useEventStream('/api/v1/knowledge/events', 'entry_changed', onChange, onResync);
}
