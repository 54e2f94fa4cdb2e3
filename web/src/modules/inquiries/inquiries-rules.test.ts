import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { NewInquiry } from '../../../../src/modules/inquiries/contract.js';
import { abilitiesOf } from '../../../../src/platform/auth/permissions.js';
import type { Role } from '../../../../src/platform/auth/roles.js';
import { toCsv } from '../../../../src/shared/spreadsheet-cell.js';
import { areasFor } from '../../app/areas.js';
import {
  emptyCall,
  missingCallFields,
  moveChoice,
  newIdempotencyKey,
  refForPhone,
  suggestionQuery,
  toNewInquiry,
} from './call-values.js';
import { ariaShortcut, matchesShortcut, SHORTCUTS } from './shortcuts.js';

const key = (init: Partial<KeyboardEvent>) => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...init,
});

describe('web: a call as the API receives it', () => {
  it('leaves out empty identification and trims what was typed', () => {
    const body = toNewInquiry({ ...emptyCall('nl'), question: '  Mag ik uitstel vragen?\n', niss: ' ' });
    expect(body).toEqual({
      channel: 'phone',
      language: 'nl',
      origin: 'self_employed',
      question: 'Mag ik uitstel vragen?',
    });
    expect(Value.Check(NewInquiry, body)).toBe(true);
  });

  it('sends the identification that was given, as typed (the server checks and normalises it)', () => {
    const body = toNewInquiry({
      ...emptyCall('fr'),
      question: 'Droit passerelle ?',
      name: ' Marie Dubois ',
      niss: '85.07.30-033.28',
    });
    expect(body.requester).toEqual({ name: 'Marie Dubois', niss: '85.07.30-033.28' });
    expect(Value.Check(NewInquiry, body)).toBe(true);
  });

  it('sends the agent’s line with a phone call only, as a number', () => {
    const phone = toNewInquiry({ ...emptyCall('fr', '4'), question: 'Droit passerelle ?' });
    expect(phone.line).toBe(4);
    expect(Value.Check(NewInquiry, phone)).toBe(true);
    expect(toNewInquiry({ ...emptyCall('fr'), question: 'Droit passerelle ?' })).not.toHaveProperty('line');
    const mail = toNewInquiry({ ...emptyCall('fr', '4'), channel: 'email', question: 'Par mail' });
    expect(mail).not.toHaveProperty('line');
  });

  it('sends the network and trimmed handle of a private message, and asks for the handle before logging it', () => {
    const message = { ...emptyCall('fr'), channel: 'social' as const, question: 'Report ?' };
    expect(missingCallFields(message)).toEqual(['social.handle']);
    const body = toNewInquiry({ ...message, social_platform: 'linkedin', social_handle: ' Marie Dupont ' });
    expect(body.social).toEqual({ platform: 'linkedin', handle: 'Marie Dupont' });
    expect(Value.Check(NewInquiry, body)).toBe(true);
    // Switching back to the phone leaves the handle typed out of the call.
    const phone = toNewInquiry({ ...message, channel: 'phone', social_handle: 'Marie' });
    expect(phone.social).toBeUndefined();
    expect(missingCallFields({ ...message, channel: 'phone' })).toEqual([]);
  });

  it('makes a new idempotency key for each call, in the characters the API accepts', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const value of keys) expect(value).toMatch(/^[\x21-\x7e]{1,200}$/);
  });

  it('searches a long question by its first words, within the 200 characters the search takes', () => {
    expect(suggestionQuery('  droit   passerelle\ntaxi ')).toBe('droit passerelle taxi');
    const long = suggestionQuery('mot '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('mot')).toBe(true);
  });

  it('writes the reference in groups a caller can note down', () => {
    expect(refForPhone('Q-2020-004512')).toBe('Q 2020 004 512');
    expect(refForPhone('something else')).toBe('something else');
  });
});

describe('web: choosing a suggestion with the arrows', () => {
  const refs = ['FAQ-0001', 'FAQ-0002', 'FAQ-0003'];
  it('goes down from none to the first, stops at the last, and lets go above the first', () => {
    expect(moveChoice(refs, null, 1)).toBe('FAQ-0001');
    expect(moveChoice(refs, 'FAQ-0001', 1)).toBe('FAQ-0002');
    expect(moveChoice(refs, 'FAQ-0003', 1)).toBe('FAQ-0003');
    expect(moveChoice(refs, 'FAQ-0001', -1)).toBeNull();
  });

  it('keeps a choice that left the list until another is made', () => {
    expect(moveChoice([], 'FAQ-0009', 1)).toBe('FAQ-0009');
    expect(moveChoice(refs, 'FAQ-0009', -1)).toBe('FAQ-0009');
    expect(moveChoice(refs, 'FAQ-0009', 1)).toBe('FAQ-0001');
  });
});

describe('web: console shortcuts', () => {
  it('reads Ctrl+Enter and ⌘+Enter, not Enter alone nor AltGr+Enter', () => {
    expect(matchesShortcut(key({ key: 'Enter', ctrlKey: true }), SHORTCUTS.answer)).toBe(true);
    expect(matchesShortcut(key({ key: 'Enter', metaKey: true }), SHORTCUTS.answer)).toBe(true);
    expect(matchesShortcut(key({ key: 'Enter' }), SHORTCUTS.answer)).toBe(false);
    expect(matchesShortcut(key({ key: 'Enter', ctrlKey: true, altKey: true }), SHORTCUTS.answer)).toBe(false);
  });

  it('reads Alt+letter by the letter typed, or by the key when ⌥ changed the character', () => {
    expect(matchesShortcut(key({ key: 'l', code: 'KeyL', altKey: true }), SHORTCUTS.language)).toBe(true);
    expect(matchesShortcut(key({ key: '¬', code: 'KeyL', altKey: true }), SHORTCUTS.language)).toBe(true);
    // AZERTY: the key typing "a" sits where QWERTY has "q"; the letter wins.
    expect(matchesShortcut(key({ key: 'a', code: 'KeyQ', altKey: true }), { key: 'q', alt: true })).toBe(
      false,
    );
    // AltGr (Ctrl+Alt) types characters such as € on a Belgian keyboard: never a shortcut.
    expect(
      matchesShortcut(key({ key: '€', code: 'KeyE', altKey: true, ctrlKey: true }), SHORTCUTS.escalate),
    ).toBe(false);
    expect(
      matchesShortcut(key({ key: 'E', code: 'KeyE', altKey: true, shiftKey: true }), SHORTCUTS.escalate),
    ).toBe(false);
  });

  it('names the shortcuts for assistive technology', () => {
    expect(ariaShortcut(SHORTCUTS.answer)).toBe('Control+Enter');
    expect(ariaShortcut(SHORTCUTS.escalate)).toBe('Alt+E');
  });
});

describe('web: inquiries export', () => {
  it('quotes what needs it and defuses cells a spreadsheet would run as formulas', () => {
    expect(
      toCsv([
        ['ref', 'question'],
        ['Q-2020-000001', 'Oui, "vraiment"\nsur deux lignes'],
        ['=1+1', '-2'],
      ]),
    ).toBe('ref,question\r\nQ-2020-000001,"Oui, ""vraiment""\nsur deux lignes"\r\n\'=1+1,\'-2\r\n');
  });

  it('defuses a question whose formula hides behind a blank, a line feed or a full-width sign', () => {
    expect(toCsv([[' =HYPERLINK("http://x")', '\n=1+1', '\uFF1D1+1', '\u3000@SUM(A1)']])).toBe(
      `"' =HYPERLINK(""http://x"")","'\n=1+1",'\uFF1D1+1,'\u3000@SUM(A1)\r\n`,
    );
  });
});

describe('web: inquiries areas', () => {
  it('opens the console to those who answer calls, the queues to the back office, and the funds only their portal', () => {
    const keysFor = (...roles: Role[]) => areasFor(abilitiesOf(roles), roles).map((a) => a.key);
    expect(keysFor('partner').filter((key) => key.startsWith('inq'))).toEqual(['inqPortal']);
    for (const backOffice of ['manager', 'expert'] as const) {
      expect(keysFor(backOffice)).toEqual(expect.arrayContaining(['inqQueue', 'inqMine']));
      expect(keysFor(backOffice)).not.toContain('inqPortal');
    }
    // An agent's calls go to a team: the agent's screens are the console, the list and the callbacks.
    expect(keysFor('agent').filter((key) => key.startsWith('inq'))).toEqual([
      'inqNew',
      'inqList',
      'inqCallbacks',
    ]);
    expect(keysFor('agent', 'expert')).toEqual(expect.arrayContaining(['inqQueue', 'inqCallbacks']));
  });
});
