import { describe, expect, it } from 'vitest';
import { originOfSender } from './sender.js';

describe('who is asking, from the sender of a mail', () => {
  it('counts a fund’s user under the funds, naming the fund', () => {
    expect(originOfSender({ isActive: true, partnerCode: 'acerta' })).toEqual({
      origin: 'fund',
      fund: 'acerta',
    });
  });

  it('counts a colleague under internal services, and anyone else as a self-employed person', () => {
    expect(originOfSender({ isActive: true, partnerCode: null })).toEqual({ origin: 'internal_service' });
    expect(originOfSender(undefined)).toEqual({ origin: 'self_employed' });
    expect(originOfSender({ isActive: false, partnerCode: 'ucm' })).toEqual({ origin: 'self_employed' });
  });
});
