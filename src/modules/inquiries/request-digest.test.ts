import { describe, expect, it } from 'vitest';
import { canonicalJson, requestDigest } from './request-digest.js';

describe('the digest an idempotency key is bound to', () => {
  it('is the same for the same fields, whatever their order or absent ones', () => {
    const sent = { question: 'Droit passerelle ?', language: 'fr', requester: { name: 'Marie', niss: '1' } };
    const retried = {
      requester: { niss: '1', name: 'Marie' },
      language: 'fr',
      question: 'Droit passerelle ?',
      theme: undefined,
    };
    expect(requestDigest(retried)).toBe(requestDigest(sent));
    expect(canonicalJson(sent)).toBe(
      '{"language":"fr","question":"Droit passerelle ?","requester":{"name":"Marie","niss":"1"}}',
    );
  });

  it('differs as soon as one value does, at any depth', () => {
    const sent = { question: 'Droit passerelle ?', requester: { niss: '85073003328' } };
    expect(requestDigest({ ...sent, question: 'Droit passerelle !' })).not.toBe(requestDigest(sent));
    expect(requestDigest({ ...sent, requester: { niss: '85073003329' } })).not.toBe(requestDigest(sent));
    expect(requestDigest({ ...sent, requester: {} })).not.toBe(requestDigest(sent));
    expect(requestDigest(['a', 'b'])).not.toBe(requestDigest(['b', 'a']));
    expect(requestDigest(sent)).toMatch(/^[0-9a-f]{64}$/);
  });
});
