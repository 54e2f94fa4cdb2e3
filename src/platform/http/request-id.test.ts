import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it("keeps a proxy's id so logs line up across hops", () => {
    expect(requestIdFrom('7f3a9c0e5b2d4e1f8a6b0c9d2e4f6a8b')).toBe('7f3a9c0e5b2d4e1f8a6b0c9d2e4f6a8b');
    expect(requestIdFrom('Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8')).toContain(
      'Root=1-',
    );
  });

  it('replaces a missing, repeated, over-long or control-character id with a new UUID', () => {
    for (const header of [undefined, '', ['a', 'b'], 'x'.repeat(129), 'a\u0000b', 'a b', 'é']) {
      expect(requestIdFrom(header)).toMatch(UUID);
    }
  });
});
