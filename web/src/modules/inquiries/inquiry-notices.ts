import { useEventStream } from '../../app/event-stream.js';

/**
 * Calls `onNotice(ref)` when a fund answers a request of an inquiry the person works on (or their
 * team holds), as server-sent events (`partner_answered`); `onResync` reloads the lists when too
 * many were missed to replay.
 */
export function useInquiryNotices(
  onNotice: (ref: string) => void,
  onResync: () => void,
  options: { enabled: boolean },
): void {
  useEventStream('/api/v1/inquiries/events', 'partner_answered', onNotice, onResync, options.enabled);
}
