import { invalid } from '../../platform/errors.js';
import type { Channel, SocialInput } from './contract.js';

/** What an inquiry stores of a private message's origin: both set for channel `social`, else neither. */
export type SocialColumns = { social_platform: string | null; social_handle: string | null };

/**
 * A private message from a social network needs its network and the sender's name there: without
 * them nobody can find the conversation to paste the answer back. Any other channel has none (a
 * phone call with a Facebook handle is a mistake in the form, said rather than stored). The handle
 * is kept as typed, spaces at its ends trimmed.
 */
export function socialColumns(channel: Channel, social: SocialInput | undefined): SocialColumns {
  if (channel !== 'social') {
    if (social) throw invalid([{ field: 'social', code: 'inquiries.social_only_for_social_channel' }]);
    return { social_platform: null, social_handle: null };
  }
  const handle = social?.handle.trim();
  if (!social || !handle)
    throw invalid([{ field: 'social.handle', code: 'inquiries.social_handle_required' }]);
  return { social_platform: social.platform, social_handle: handle };
}
