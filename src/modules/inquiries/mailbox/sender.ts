import type { Origin } from '../contract.js';

/** What the directory says of a mail's sender: nothing (a citizen), or a person and their fund. */
export type KnownSender = { isActive: boolean; partnerCode: string | null } | undefined;

/**
 * Who is asking, from the address a mail came from: a fund's user writing to the crisis mailbox
 * asks for that fund (counted under the funds, the fund named on the inquiry), a colleague of the
 * institute for an internal service; anyone else is taken for a self-employed person, as most
 * writers were in 2020. An address the directory cannot tell apart (a shared mailbox, a
 * deactivated account) says nothing.
 */
export function originOfSender(sender: KnownSender): { origin: Origin; fund?: string } {
  if (!sender?.isActive) return { origin: 'self_employed' };
  if (sender.partnerCode) return { origin: 'fund', fund: sender.partnerCode };
  return { origin: 'internal_service' };
}
