import { describe, expect, it } from 'vitest';
import { decideCallLink } from './call-link.js';

const phone = { id: 'q1', channel: 'phone' };
const answered = { outcome: 'answered', inquiry_id: null };

describe('decideCallLink', () => {
  it('links an answered call to the phone inquiry the agent logged', () => {
    expect(decideCallLink(answered, phone)).toEqual({ kind: 'link' });
  });

  it('changes nothing when the call already names that inquiry', () => {
    expect(decideCallLink({ ...answered, inquiry_id: 'q1' }, phone)).toEqual({ kind: 'unchanged' });
  });

  it('refuses a call already linked to another inquiry', () => {
    expect(decideCallLink({ ...answered, inquiry_id: 'q2' }, phone)).toMatchObject({
      code: 'inquiries.calls.linked_elsewhere',
    });
  });

  it('refuses an abandoned call: nobody took it, so nobody logged it', () => {
    expect(decideCallLink({ outcome: 'abandoned', inquiry_id: null }, phone)).toMatchObject({
      code: 'inquiries.calls.not_answered',
    });
  });

  it('refuses an inquiry that did not come by phone', () => {
    expect(decideCallLink(answered, { id: 'q1', channel: 'email' })).toMatchObject({
      code: 'inquiries.calls.not_a_phone_inquiry',
    });
  });
});
