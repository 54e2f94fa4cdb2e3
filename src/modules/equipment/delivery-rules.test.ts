import { describe, expect, it } from 'vitest';
import { shippedMail } from './delivery-mail.js';
import {
  type BatchCandidate,
  batchProblems,
  brusselsMidnight,
  daysOfIsoWeek,
  digestOf,
  frozenItems,
  isoWeekOf,
  itemsOf,
  periodOf,
  signedForProblem,
  stepAllowed,
} from './delivery-rules.js';
import { receiptLanguages, receiptSections } from './return-receipt.js';

const reserved = (id: string, over: Partial<BatchCandidate> = {}): [string, BatchCandidate] => [
  id,
  {
    id,
    personId: 'emma',
    status: 'reserved',
    kind: 'item',
    assetId: `a-${id}`,
    kitId: null,
    inBatch: null,
    ...over,
  },
];

describe('what may go in a batch', () => {
  it('takes reserved units of one person to a non-empty address, or to a site', () => {
    const found = new Map([reserved('r1'), reserved('r2')]);
    expect(batchProblems(['r1', 'r2'], found, { mode: 'home', address: 'Rue Haute 1' }, null)).toEqual([]);
    expect(batchProblems(['r1'], found, { mode: 'home' }, 'Kerkstraat 12')).toEqual([]);
    expect(batchProblems(['r1'], found, { mode: 'site', site: 'botanique' }, null)).toEqual([]);
  });
  it('names the field of each problem', () => {
    const found = new Map([
      reserved('r1'),
      reserved('r2', { personId: 'noah' }),
      reserved('r3', { status: 'open', assetId: null }),
      reserved('r4', { inBatch: 'DLV-1' }),
    ]);
    expect(batchProblems(['r1'], found, { mode: 'home', address: '  ' }, 'Kerkstraat 12')).toEqual([
      { field: 'address', code: 'equipment.delivery.address_required' },
    ]);
    expect(batchProblems(['r1'], found, { mode: 'home' }, null)[0]?.field).toBe('address');
    expect(batchProblems(['r1'], found, { mode: 'site', site: '' }, null)[0]?.field).toBe('site');
    expect(
      batchProblems(['x', 'r3', 'r4'], found, { mode: 'site', site: 'b' }, null).map((p) => p.code),
    ).toEqual([
      'equipment.delivery.request_not_found',
      'equipment.delivery.request_not_reserved',
      'equipment.delivery.request_in_batch',
    ]);
    expect(batchProblems(['r1', 'r2'], found, { mode: 'site', site: 'b' }, null)).toEqual([
      { field: 'requests', code: 'equipment.delivery.several_people' },
    ]);
  });
});

describe('the signed-for day and the steps', () => {
  it('refuses a day in the future or before the shipment', () => {
    expect(signedForProblem('2020-03-20', '2020-03-20', '2020-03-18')).toBeNull();
    expect(signedForProblem('2020-03-21', '2020-03-20', '2020-03-18')?.code).toBe(
      'equipment.delivery.signed_in_future',
    );
    expect(signedForProblem('2020-03-17', '2020-03-20', '2020-03-18')?.code).toBe(
      'equipment.delivery.signed_before_shipped',
    );
  });
  it('lets a batch ship once, be delivered while shipped (or to record the proof later), go back only unconfirmed', () => {
    const open = { signedForOn: null, accepted: false };
    expect(stepAllowed('ship', 'prepared', open)).toBe(true);
    expect(stepAllowed('ship', 'shipped', open)).toBe(false);
    expect(stepAllowed('deliver', 'prepared', open)).toBe(false);
    expect(stepAllowed('deliver', 'delivered', { signedForOn: null, accepted: true })).toBe(true);
    expect(stepAllowed('deliver', 'delivered', { signedForOn: '2020-03-20', accepted: true })).toBe(false);
    expect(stepAllowed('return', 'shipped', open)).toBe(true);
    expect(stepAllowed('return', 'delivered', open)).toBe(false);
    expect(stepAllowed('accept', 'shipped', open)).toBe(true);
    expect(stepAllowed('accept', 'prepared', open)).toBe(false);
    expect(stepAllowed('accept', 'returned', open)).toBe(false);
    expect(stepAllowed('accept', 'delivered', { signedForOn: null, accepted: true })).toBe(false);
  });
});

it('freezes the units in tag order with a SHA-256 anyone can check', () => {
  const items = [
    { assetTag: 'SCR-2', type: 'screen', model: 'P2419H', serial: 'CN-2' },
    { assetTag: 'LAP-1', type: 'laptop', model: 'Latitude', serial: null },
  ];
  const frozen = frozenItems(items);
  expect(frozen).toBe(
    '[{"asset_tag":"LAP-1","type":"laptop","model":"Latitude","serial":null},{"asset_tag":"SCR-2","type":"screen","model":"P2419H","serial":"CN-2"}]',
  );
  expect(digestOf(frozen)).toMatch(/^[0-9a-f]{64}$/);
  expect(digestOf(frozenItems([...items].reverse()))).toBe(digestOf(frozen));
  expect(itemsOf(frozen)).toEqual([items[1], items[0]]);
});

describe('weeks and months in Brussels', () => {
  it('names ISO weeks and their days, refusing a week the year lacks', () => {
    expect(isoWeekOf('2020-03-16')).toBe('2020-W12');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(daysOfIsoWeek('2020-W12')).toEqual({ from: '2020-03-16', to: '2020-03-22' });
    expect(daysOfIsoWeek('2021-W53')).toBeNull();
    expect(periodOf('2020-03-16', 'month')).toBe('2020-03');
  });
  it('starts a Brussels day at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(brusselsMidnight('2020-03-16')).toBe('2020-03-15T23:00:00.000Z');
    expect(brusselsMidnight('2020-07-01')).toBe('2020-06-30T22:00:00.000Z');
  });
});

it('mails what ships, the carrier and its reference, in the reader’s language', () => {
  const mail = shippedMail('fr', {
    id: 'DLV-1',
    name: 'Emma',
    items: [{ assetTag: 'SCR-1', type: 'screen', model: 'P2419H', serial: 'CN-1' }],
    address: 'Rue Haute 1',
    carrier: 'bpost',
    carrierRef: null,
    link: 'https://relais/equipment',
  });
  expect(mail.subject).toBe('Votre matériel est en route (DLV-1)');
  expect(mail.text).toContain('- Écran P2419H (SCR-1, n° de série CN-1)');
  expect(mail.text).toContain('Transporteur : bpost');
  expect(mail.text).toContain('Référence de suivi : non communiqué');
  expect(mail.text).toContain('https://relais/equipment');
});

it('writes the return receipt in the person’s language first, then French and Dutch', () => {
  expect(receiptLanguages('nl')).toEqual(['nl', 'fr']);
  expect(receiptLanguages('en')).toEqual(['en', 'fr', 'nl']);
  const [first] = receiptSections({
    id: 'RET-1',
    personName: 'Emma',
    language: 'en',
    site: 'botanique',
    returnedOn: '2020-06-30',
    reason: null,
    items: [{ assetTag: 'SCR-1', type: 'screen', model: 'P2419H', serial: null }],
    digest: 'abc',
  });
  expect(first?.title).toBe('Equipment return receipt');
  expect(first?.lines).toContain('Date: 30 June 2020');
  expect(first?.rows).toEqual([['SCR-1', 'Screen', 'P2419H', '-']]);
});
