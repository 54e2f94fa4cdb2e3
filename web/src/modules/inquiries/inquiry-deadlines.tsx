import type { InquiryDetailView } from './api.js';

/**
 * SLOT for the service-level deadlines (first answer, resolution) of an inquiry, counted in the
 * team's business minutes. The server does not compute them yet; until it does this shows
 * nothing rather than a guess. The detail page already places it beside the inquiry's details.
 */
export function InquiryDeadlines(_props: { inquiry: InquiryDetailView }) {
  return null;
}
