import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../platform/db/time.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startSmtpServer, type TestSmtp } from '../../test-support/mail-servers.js';
import { pageText, readPdfText } from '../../test-support/pdf-text.js';
import { withApp } from '../../test-support/with-app.js';
import {
  assetWithMoves,
  insertReservedRequest,
  insertShippedDelivery,
  requestStatus,
} from './delivery-test-rows.js';

// A delivery's life through the API as ICT and the employee use it: a batch from reserved
// requests, shipped (the employee gets a mail), signed for, confirmed by the employee alone, or
// brought back by the carrier; units given back with a receipt; the deliveries report.

const URL = '/api/v1/equipment';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('%s: deliveries, signed receipt and returns', (dialect) => {
  let smtp: TestSmtp;
  // Filled before the app starts (this hook runs before withApp's): mail goes to the test's SMTP server.
  const env: Record<string, string> = {};
  beforeAll(async () => {
    smtp = await startSmtpServer();
    env.RELAIS_SMTP_URL = smtp.url;
    env.RELAIS_MAIL_FROM = 'Relais <ict@relais.example>';
  });
  afterAll(() => smtp.close());
  const t = withApp(dialect, {
    as: {
      ict: { roles: ['ict'] },
      emma: { roles: ['employee'], language: 'nl' },
      other: { roles: ['employee'] },
      manager: { roles: ['manager'] },
    },
    env,
  });
  const db = () => t.app.db;
  const field = (response: { json(): { errors?: { field: string; code: string }[] } }) =>
    response.json().errors?.map((e) => `${e.field} ${e.code}`);

  it('refuses a batch that names no address, an unknown or unreserved request, or two people, naming the field', async () => {
    const unit = await insertReservedRequest(db(), t.people.emma.id, { address: null });
    const noAddress = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [unit.requestId],
      mode: 'home',
      address: '   ',
    });
    expect(noAddress.statusCode).toBe(400);
    expect(field(noAddress)).toEqual(['address equipment.delivery.address_required']);
    expect(noAddress.json().errors[0].message).toMatch(/leveringsadres|delivery address/);
    const noSite = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [unit.requestId],
      mode: 'site',
    });
    expect(field(noSite)).toEqual(['site equipment.delivery.site_required']);
    const unknown = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: ['nope'],
      mode: 'home',
      address: 'Rue Haute 1, 1000 Bruxelles',
    });
    expect(field(unknown)).toEqual(['requests equipment.delivery.request_not_found']);
    const otherUnit = await insertReservedRequest(db(), t.people.other.id);
    const twoPeople = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [unit.requestId, otherUnit.requestId],
      mode: 'home',
      address: 'Rue Haute 1, 1000 Bruxelles',
    });
    expect(field(twoPeople)).toEqual(['requests equipment.delivery.several_people']);
    const open = await insertReservedRequest(db(), t.people.other.id, { request: { status: 'open' } });
    const notReserved = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [open.requestId],
      mode: 'home',
    });
    expect(field(notReserved)).toEqual(['requests equipment.delivery.request_not_reserved']);
    const staff = await t.send(t.people.emma, 'POST', `${URL}/deliveries`, {
      requests: [unit.requestId],
      mode: 'home',
    });
    expect(staff.statusCode).toBe(403);
    const count = await db()
      .selectFrom('equipment_delivery' as never)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number((count as { n: unknown }).n)).toBe(0);
  });

  it('ships a home batch: units with the carrier, requests shipped, and a mail in the person’s language', async () => {
    const screen = await insertReservedRequest(db(), t.people.emma.id, { type: 'screen', kitId: 'kit-1' });
    const headset = await insertReservedRequest(db(), t.people.emma.id, {
      type: 'headset',
      model: 'Jabra Evolve 40',
      kitId: 'kit-1',
    });
    // Asking for one unit of a kit brings the whole kit into the batch.
    const created = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [screen.requestId],
      mode: 'home',
      carrier: 'bpost',
    });
    expect(created.statusCode).toBe(201);
    const batch = created.json();
    expect(batch).toMatchObject({
      status: 'prepared',
      mode: 'home',
      address: 'Kerkstraat 12, 9000 Gent',
      carrier: 'bpost',
    });
    expect(batch.items.map((i: { assetTag: string }) => i.assetTag).sort()).toEqual(
      [screen.assetTag, headset.assetTag].sort(),
    );
    const again = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [headset.requestId],
      mode: 'home',
    });
    expect(field(again)).toEqual([
      'requests equipment.delivery.request_in_batch',
      'requests equipment.delivery.request_in_batch',
    ]);

    const ready = (await t.send(t.people.ict, 'GET', `${URL}/deliveries/ready`)).json();
    const readyIds = ready.items.flatMap((p: { requests: { requestId: string }[] }) =>
      p.requests.map((r) => r.requestId),
    );
    expect(readyIds).not.toContain(screen.requestId);

    const before = smtp.received.length;
    const shipped = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {
      carrierRef: 'CD123456789BE',
    });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', carrierRef: 'CD123456789BE' });
    expect(shipped.json().shippedAt).not.toBeNull();
    expect(await requestStatus(db(), screen.requestId)).toBe('shipped');
    const { asset, moves } = await assetWithMoves(db(), screen.assetId);
    expect(asset).toMatchObject({
      status: 'in_transit',
      location: 'carrier',
      holder_id: t.people.emma.id,
      version: 3,
    });
    expect(moves.at(-1)).toMatchObject({
      kind: 'shipped',
      from_status: 'reserved',
      to_status: 'in_transit',
      delivery_id: batch.id,
    });

    await t.app.mail.sender.sendDue();
    const mail = (await smtp.waitFor(before + 1))
      .slice(before)
      .find((m) => m.to.includes(`emma@example.org`));
    expect(mail?.parsed.subject).toBe(`Uw materiaal is onderweg (${batch.id})`);
    expect(mail?.parsed.text).toContain('CD123456789BE');
    expect(mail?.parsed.text).toContain('bpost');
    expect(mail?.parsed.text).toContain(
      `Scherm Dell P2419H (${screen.assetTag}, serienummer ${screen.serial})`,
    );
    expect(mail?.parsed.text).toContain('2 toestellen');

    const twice = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {});
    expect(twice.statusCode).toBe(409);
  });

  it('records the signed-for day: not in the future, not before it shipped; then only the person confirms receipt', async () => {
    const unit = await insertReservedRequest(db(), t.people.emma.id, {
      type: 'laptop',
      model: 'Latitude 5410',
    });
    const batch = (
      await t.send(t.people.ict, 'POST', `${URL}/deliveries`, { requests: [unit.requestId], mode: 'home' })
    ).json();
    const early = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/deliver`, {
      signedForOn: brusselsDay(),
    });
    expect(early.statusCode).toBe(409); // not shipped yet
    await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {});
    const future = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/deliver`, {
      signedForOn: tomorrow(),
    });
    expect(field(future)).toEqual(['signedForOn equipment.delivery.signed_in_future']);
    const beforeShipping = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/deliver`, {
      signedForOn: yesterday(),
    });
    expect(field(beforeShipping)).toEqual(['signedForOn equipment.delivery.signed_before_shipped']);
    const notADay = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/deliver`, {
      signedForOn: '2020-02-30',
    });
    expect(notADay.statusCode).toBe(400);
    const delivered = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/deliver`, {
      signedForOn: brusselsDay(),
    });
    expect(delivered.json()).toMatchObject({
      status: 'delivered',
      signedForOn: brusselsDay(),
      acceptedAt: null,
    });
    expect((await assetWithMoves(db(), unit.assetId)).asset).toMatchObject({
      status: 'assigned',
      location: 'home',
    });
    expect(await requestStatus(db(), unit.requestId)).toBe('delivered');

    expect((await t.send(t.people.other, 'POST', `${URL}/deliveries/${batch.id}/accept`)).statusCode).toBe(
      404,
    );
    const byIct = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/accept`);
    expect(byIct.statusCode).toBe(403);
    expect(byIct.json().code).toBe('equipment.acceptance.not_the_person');

    const accepted = await t.send(t.people.emma, 'POST', `${URL}/deliveries/${batch.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().acceptedAt).not.toBeNull();
    expect(await requestStatus(db(), unit.requestId)).toBe('received');
    const { asset, moves } = await assetWithMoves(db(), unit.assetId);
    expect(asset).toMatchObject({ status: 'assigned', location: 'home', holder_id: t.people.emma.id });
    expect(moves.map((m) => m.kind)).toEqual(['registered', 'reserved', 'shipped', 'delivered', 'received']);
    expect((await t.send(t.people.emma, 'POST', `${URL}/deliveries/${batch.id}/accept`)).statusCode).toBe(
      409,
    );

    // The serials are frozen as signed for: renaming the unit later changes nothing in the receipt.
    await db()
      .updateTable('equipment_asset' as never)
      .set({ serial: 'CHANGED' } as never)
      .where('id' as never, '=', unit.assetId as never)
      .execute();
    const mine = (await t.send(t.people.emma, 'GET', `${URL}/acceptances`)).json();
    const receipt = mine.items.find((a: { deliveryId: string }) => a.deliveryId === batch.id);
    expect(receipt.items).toEqual([
      { assetTag: unit.assetTag, type: 'laptop', model: 'Latitude 5410', serial: unit.serial },
    ]);
    const stored = JSON.stringify([
      { asset_tag: unit.assetTag, type: 'laptop', model: 'Latitude 5410', serial: unit.serial },
    ]);
    expect(receipt.digest).toBe(createHash('sha256').update(stored).digest('hex'));

    const forIct = await t.send(t.people.ict, 'GET', `${URL}/acceptances?person=emma`);
    expect(forIct.json().items.map((a: { id: string }) => a.id)).toContain(receipt.id);
    expect((await t.send(t.people.other, 'GET', `${URL}/acceptances?person=emma`)).statusCode).toBe(403);
    expect((await t.send(t.people.other, 'GET', `${URL}/acceptances`)).json().items).toEqual([]);
  });

  it('lets the person confirm a shipped batch before the carrier’s proof, which ICT records later', async () => {
    const unit = await insertReservedRequest(db(), t.people.emma.id, { type: 'mouse', model: 'MX Anywhere' });
    const batch = (
      await t.send(t.people.ict, 'POST', `${URL}/deliveries`, { requests: [unit.requestId], mode: 'home' })
    ).json();
    await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {});
    const accepted = await t.send(t.people.emma, 'POST', `${URL}/deliveries/${batch.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'delivered', signedForOn: null });
    expect((await assetWithMoves(db(), unit.assetId)).asset).toMatchObject({
      status: 'assigned',
      location: 'home',
    });
    const proof = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/deliver`, {
      signedForOn: brusselsDay(),
    });
    expect(proof.json()).toMatchObject({ status: 'delivered', signedForOn: brusselsDay() });
    // The carrier cannot bring back what the person confirmed.
    expect((await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/return`, {})).statusCode).toBe(
      409,
    );
  });

  it('takes a batch the carrier brought back: units back in the stock room, still reserved, shipped again in a new batch', async () => {
    const unit = await insertReservedRequest(db(), t.people.emma.id, { type: 'keyboard', model: 'K120' });
    const batch = (
      await t.send(t.people.ict, 'POST', `${URL}/deliveries`, { requests: [unit.requestId], mode: 'home' })
    ).json();
    await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {});
    const back = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/return`, {
      note: 'Nobody home, twice',
    });
    expect(back.json()).toMatchObject({ status: 'returned' });
    expect(back.json().returnedAt).not.toBeNull();
    expect(await requestStatus(db(), unit.requestId)).toBe('reserved');
    const { asset, moves } = await assetWithMoves(db(), unit.assetId);
    expect(asset).toMatchObject({
      status: 'reserved',
      location: 'stock',
      site: 'botanique',
      request_id: unit.requestId,
    });
    expect(moves.at(-1)).toMatchObject({
      kind: 'returned',
      delivery_id: batch.id,
      note: 'Nobody home, twice',
    });
    expect((await t.send(t.people.emma, 'POST', `${URL}/deliveries/${batch.id}/accept`)).statusCode).toBe(
      409,
    );
    const second = await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
      requests: [unit.requestId],
      mode: 'home',
      address: 'Veldstraat 3, 9000 Gent',
    });
    expect(second.statusCode).toBe(201);
  });

  it('hands a site batch over at once: delivered, the units assigned to the person at that site', async () => {
    const unit = await insertReservedRequest(db(), t.people.other.id, {
      type: 'phone',
      model: 'Yealink T54W',
      delivery: 'site',
    });
    const batch = (
      await t.send(t.people.ict, 'POST', `${URL}/deliveries`, {
        requests: [unit.requestId],
        mode: 'site',
        site: 'botanique',
      })
    ).json();
    expect(batch).toMatchObject({ mode: 'site', site: 'botanique', address: null });
    const handed = await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {});
    expect(handed.json()).toMatchObject({ status: 'delivered', signedForOn: brusselsDay() });
    expect((await assetWithMoves(db(), unit.assetId)).asset).toMatchObject({
      status: 'assigned',
      location: 'desk',
      site: 'botanique',
      holder_id: t.people.other.id,
    });
    expect(
      (await t.send(t.people.other, 'POST', `${URL}/deliveries/${batch.id}/accept`)).json().acceptedAt,
    ).not.toBeNull();
  });

  it('lists batches with filters for ICT, one’s own for staff, and as a file', async () => {
    const all = (await t.send(t.people.ict, 'GET', `${URL}/deliveries?limit=500`)).json();
    expect(all.total).toBeGreaterThanOrEqual(6);
    const emmas = (await t.send(t.people.ict, 'GET', `${URL}/deliveries?person=emma&mode=home`)).json();
    expect(
      emmas.items.every(
        (d: { personId: string; mode: string }) => d.personId === t.people.emma.id && d.mode === 'home',
      ),
    ).toBe(true);
    const returned = (await t.send(t.people.ict, 'GET', `${URL}/deliveries?status=returned`)).json();
    expect(returned.total).toBe(1);
    const thisWeek = (await t.send(t.people.ict, 'GET', `${URL}/deliveries?week=${isoWeekNow()}`)).json();
    expect(thisWeek.total).toBe(all.total);
    expect((await t.send(t.people.ict, 'GET', `${URL}/deliveries?week=2019-W01`)).json().total).toBe(0);
    expect(field(await t.send(t.people.ict, 'GET', `${URL}/deliveries?week=2021-W53`))).toEqual([
      'week equipment.delivery.week_unknown',
    ]);
    expect(field(await t.send(t.people.ict, 'GET', `${URL}/deliveries?person=nobody`))).toEqual([
      'person equipment.delivery.person_not_found',
    ]);
    const own = (await t.send(t.people.other, 'GET', `${URL}/deliveries`)).json();
    expect(own.items.every((d: { personId: string }) => d.personId === t.people.other.id)).toBe(true);
    expect((await t.send(t.people.other, 'GET', `${URL}/deliveries?person=emma`)).statusCode).toBe(403);
    const emmaBatch = emmas.items[0].id;
    expect((await t.send(t.people.other, 'GET', `${URL}/deliveries/${emmaBatch}`)).statusCode).toBe(404);
    const csv = await t.send(t.people.ict, 'GET', `${URL}/deliveries?format=csv&lang=fr&status=returned`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Retourné');
    expect(csv.body).toContain('Kerkstraat 12');
  });

  it('registers units a person gives back: to the stock room, the request closed, and a receipt in their language', async () => {
    const unit = await insertReservedRequest(db(), t.people.emma.id, {
      type: 'docking_station',
      model: 'WD19',
    });
    const batch = (
      await t.send(t.people.ict, 'POST', `${URL}/deliveries`, { requests: [unit.requestId], mode: 'home' })
    ).json();
    await t.send(t.people.ict, 'POST', `${URL}/deliveries/${batch.id}/ship`, {});
    await t.send(t.people.emma, 'POST', `${URL}/deliveries/${batch.id}/accept`);

    const unknown = await t.send(t.people.ict, 'POST', `${URL}/returns`, {
      person: 'emma',
      assets: ['NOPE-1'],
      site: 'botanique',
    });
    expect(field(unknown)).toEqual(['assets equipment.return.unknown_tag']);
    const notHers = await insertReservedRequest(db(), t.people.other.id);
    const notHeld = await t.send(t.people.ict, 'POST', `${URL}/returns`, {
      person: 'emma',
      assets: [unit.assetTag, notHers.assetTag],
      site: 'botanique',
    });
    expect(field(notHeld)).toEqual(['assets equipment.return.not_held']);
    expect((await assetWithMoves(db(), unit.assetId)).asset.status).toBe('assigned');
    expect(
      field(
        await t.send(t.people.ict, 'POST', `${URL}/returns`, {
          person: 'ghost',
          assets: [unit.assetTag],
          site: 'botanique',
        }),
      ),
    ).toEqual(['person equipment.delivery.person_not_found']);

    const created = await t.send(t.people.ict, 'POST', `${URL}/returns`, {
      person: 'emma',
      assets: [unit.assetTag],
      site: 'botanique',
      reason: 'Vertrek',
    });
    expect(created.statusCode).toBe(201);
    const ret = created.json();
    expect(ret.items).toEqual([
      { assetTag: unit.assetTag, type: 'docking_station', model: 'WD19', serial: unit.serial },
    ]);
    expect(await requestStatus(db(), unit.requestId)).toBe('returned');
    const { asset, moves } = await assetWithMoves(db(), unit.assetId);
    expect(asset).toMatchObject({
      status: 'in_stock',
      location: 'stock',
      site: 'botanique',
      holder_id: null,
      request_id: null,
    });
    expect(moves.at(-1)).toMatchObject({ kind: 'returned', from_status: 'assigned', to_status: 'in_stock' });

    const pdf = await t.send(t.people.emma, 'GET', `${URL}/returns/${ret.id}/receipt`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = readPdfText(pdf.rawPayload);
    expect(text.pageCount).toBe(2);
    expect(text.lang).toBe('nl-BE');
    const dutch = pageText(text, 1);
    expect(dutch).toContain('Ontvangstbewijs voor teruggegeven materiaal');
    expect(dutch).toContain(unit.assetTag);
    expect(dutch).toContain(unit.serial);
    expect(dutch).toContain('Dockingstation');
    expect(dutch).toContain('Reden: Vertrek');
    expect(pageText(text, 2)).toContain('Reçu de retour de matériel');
    expect((await t.send(t.people.other, 'GET', `${URL}/returns/${ret.id}/receipt`)).statusCode).toBe(404);
    expect((await t.send(t.people.ict, 'GET', `${URL}/returns/${ret.id}/receipt`)).statusCode).toBe(200);
    expect(
      (await t.send(t.people.emma, 'GET', `${URL}/returns`)).json().items.map((r: { id: string }) => r.id),
    ).toContain(ret.id);
    expect((await t.send(t.people.other, 'GET', `${URL}/returns`)).json().items).toEqual([]);
  });

  it('counts the units shipped per week and month, by type, for ICT and management', async () => {
    const person = t.people.other.id;
    const screens = await Promise.all(
      [1, 2, 3].map(() => insertReservedRequest(db(), person, { type: 'screen' })),
    );
    const laptop = await insertReservedRequest(db(), person, { type: 'laptop' });
    // Monday 16 March 2020 at 00:30 in Brussels is still Sunday the 15th in UTC: it counts in week 12.
    await insertShippedDelivery(db(), person, '2020-03-15T23:30:00.000Z', screens.slice(0, 2));
    await insertShippedDelivery(db(), person, '2020-04-02T09:00:00.000Z', [screens[2]!, laptop]);
    const monthly = await t.send(
      t.people.manager,
      'GET',
      `${URL}/deliveries/report?from=2020-01-01&to=2020-12-31`,
    );
    expect(monthly.json()).toMatchObject({
      by: 'month',
      total: 4,
      rows: [
        { period: '2020-03', units: 2, byType: { screen: 2, laptop: 0 } },
        { period: '2020-04', units: 2, byType: { screen: 1, laptop: 1 } },
      ],
    });
    const weekly = (
      await t.send(t.people.ict, 'GET', `${URL}/deliveries/report?by=week&from=2020-01-01&to=2020-12-31`)
    ).json();
    expect(weekly.rows.map((r: { period: string; units: number }) => [r.period, r.units])).toEqual([
      ['2020-W12', 2],
      ['2020-W14', 2],
    ]);
    const csv = await t.send(
      t.people.ict,
      'GET',
      `${URL}/deliveries/report?from=2020-01-01&to=2020-12-31&format=csv&lang=fr`,
    );
    expect(csv.body).toContain('Mois');
    expect(csv.body).toMatch(/2020-03.*2/);
    expect(
      field(await t.send(t.people.ict, 'GET', `${URL}/deliveries/report?from=2020-05-01&to=2020-01-01`)),
    ).toEqual(['to equipment.delivery.report_period']);
    expect((await t.send(t.people.emma, 'GET', `${URL}/deliveries/report`)).statusCode).toBe(403);
  });
});

function isoWeekNow(): string {
  const day = brusselsDay();
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
