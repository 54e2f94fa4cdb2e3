import { seededRandom } from '../../platform/seeded-random.js';
import { MODELS, STREETS } from './equipment-demo-catalogue.js';
import { DemoLedger } from './equipment-demo-ledger.js';
import type { AssetRow, DeliveryRow, RequestRow } from './tables.js';

// The ICT service's 2020, told in order: the desks fitted out in 2018, the fleet of laptops of
// 2019, the stock bought that winter and the renewal stock set aside; then March: kits shipped to
// the new call-center colleagues before their first day, headsets and phones handed over to the
// others, screens taken off the desks the distancing closed, and a screen shipped to the home of
// whoever asked, from mid-March to June; repairs and retirements in the autumn; and today a few
// requests still on their way, so that each screen has something to show.

export type DemoStaff = { username: string; id: string; orgUnit: string; language: 'fr' | 'nl' | 'en' };

export type StoryInput = {
  staff: DemoStaff[];
  site: string;
  desks: string[];
  blockedDesks: string[];
  today: string;
};

/** The call center's reinforcements: their first day was the call center's, Monday 16 March 2020. */
const NEW_AGENTS_FROM = 60;
const FIRST_DAY = '2020-03-16';
const KIT_DUE = '2020-03-13';
/** Units not teleworkable (telework's demo: logistics): they keep their equipment at the office. */
const OFFICE_UNITS = new Set(['facility']);
/** Screens taken off desks closed by the distancing rules, then shipped home with the stock. */
const RECOVERED_SCREENS = 30;
const RECOVERED_DOCKS = 10;
/** Left in the stock room today: under the screen's threshold of 15, so the stock screen alerts. */
const SCREENS_LEFT = 12;
const SHIPPING_WEEKS = 15;

const RENEWAL = 'Stock de renouvellement 2020 / vernieuwingsvoorraad 2020';
const CLOSED_DESK = 'Bureau fermé (distanciation) / bureau gesloten (afstand)';
const TAKEN_HOME = 'Emporté à domicile (confinement) / mee naar huis (lockdown)';

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
/** The day itself if it is a working day, else the next Monday. */
const workingDay = (day: string) =>
  weekday(day) === 6 ? addDays(day, 2) : weekday(day) === 0 ? addDays(day, 1) : day;
const nextWorkingDay = (day: string) => workingDay(addDays(day, 1));
const previousWorkingDay = (day: string) => {
  const before = addDays(day, -1);
  return weekday(before) === 0 ? addDays(before, -2) : weekday(before) === 6 ? addDays(before, -1) : before;
};
const at = (day: string, hour: number, minute = 0) =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

/** One member of staff in fifty had a screen of their own at home already, and did not ask. */
const OWN_SCREEN_EVERY = 50;

/**
 * Who got a screen at home in spring 2020: whoever could telework, but the few with a screen of
 * their own, and Emma Employee, whose request is the one on its way today. On the demo's staff
 * that is 297, the ministry's published figure (demo-seed.test.ts holds it).
 */
export const screenRecipients = (staff: readonly DemoStaff[]): DemoStaff[] =>
  staff.filter(
    (p, i) =>
      !OFFICE_UNITS.has(p.orgUnit) &&
      p.username !== 'employee' &&
      i % OWN_SCREEN_EVERY !== OWN_SCREEN_EVERY - 1,
  );

export function buildEquipmentDemo(input: StoryInput): DemoLedger {
  const book = new DemoLedger(seededRandom(2020_03_16));
  const { site, today } = input;
  const byName = new Map(input.staff.map((p) => [p.username, p]));
  const idOf = (username: string) => byName.get(username)?.id ?? null;
  const ictStaff = ['ict', 'ict2', 'admin'].map(idOf).filter((id): id is string => id !== null);
  const ict = () => book.pick(ictStaff);
  const stockRoom = { location: 'stock' as const, site };
  const minute = () => Math.floor(book.random() * 60);

  const addresses = new Map<string, string>();
  for (const person of input.staff) {
    const [street, town] = book.pick(STREETS[person.language === 'nl' ? 'nl' : 'fr']);
    addresses.set(person.id, `${street} ${1 + Math.floor(book.random() * 180)}, ${town}`);
  }

  // 2018: a screen and a dock on every third desk of the building, and on the desks now blocked.
  const blocked = new Set(input.blockedDesks);
  const fitted = input.desks.filter((desk, i) => i % 3 === 0 || blocked.has(desk));
  const deskScreens = new Map<string, AssetRow>();
  const deskDocks = new Map<string, AssetRow>();
  for (const desk of fitted) {
    const place = {
      status: 'assigned' as const,
      location: 'desk' as const,
      site,
      desk,
      at: at('2018-09-03', 7, minute()),
    };
    deskScreens.set(desk, book.register(MODELS.deskScreen, place));
    deskDocks.set(desk, book.register(MODELS.dock, place));
  }

  // 2019: the fleet of laptops, each handed over to its holder at their desk.
  const isNewAgent = (p: DemoStaff) =>
    p.orgUnit === 'call-center' && Number(p.username.replace('agent', '') || 1) >= NEW_AGENTS_FROM;
  const newcomers = input.staff.filter((p) => isNewAgent(p) || p.username === 'employee');
  const veterans = input.staff.filter((p) => !newcomers.includes(p));
  // A laptop's usual desk is never one now blocked: recovery lists what stands there, not a person's laptop.
  const unblocked = input.desks.filter((d) => !blocked.has(d));
  const fleet = new Map<string, AssetRow>();
  for (const person of veterans) {
    const laptop = book.register(MODELS.fleetLaptop, {
      ...stockRoom,
      status: 'in_stock',
      at: at('2019-01-14', 8),
    });
    book.move(laptop, {
      at: at(workingDay(addDays('2019-01-21', Math.floor(book.random() * 5))), 9, minute()),
      kind: 'handed_over',
      status: 'assigned',
      location: 'desk',
      desk: book.pick(unblocked),
      holder: person.id,
      actor: ict(),
    });
    fleet.set(person.id, laptop);
  }

  // The winter's stock, and the renewal stock set aside for 2020.
  const screenPeople = screenRecipients(input.staff);
  const stock = (model: (typeof MODELS)[keyof typeof MODELS], count: number, day: string, note?: string) =>
    Array.from({ length: count }, () =>
      book.register(model, {
        ...stockRoom,
        status: 'in_stock',
        at: at(day, 8, minute()),
        note: note ?? null,
      }),
    );
  const newAgents = newcomers.filter((p) => p.username !== 'employee');
  const veteranAgents = veterans.filter((p) => p.orgUnit === 'call-center');
  const renewal = stock(MODELS.renewalLaptop, newAgents.length + 3, '2019-10-01', RENEWAL);
  // Screens: shipped in spring; today one reserved for Emma, one in repair, the rest left.
  const stockScreens = stock(
    MODELS.stockScreen,
    screenPeople.length + SCREENS_LEFT + 2 - RECOVERED_SCREENS,
    '2019-11-18',
  );
  const laptops = stock(MODELS.newLaptop, 20, '2020-01-13');
  const headsets = stock(MODELS.headset, veteranAgents.length + newcomers.length + 27, '2020-01-13');
  const phones = stock(MODELS.phone, veteranAgents.length + newAgents.length + 9, '2020-01-13');
  const docks = stock(MODELS.dock, 4, '2020-01-13');
  stock(MODELS.keyboard, 19, '2020-02-10');
  const mice = stock(MODELS.mouse, 32, '2020-02-10');
  stock(MODELS.chair, 6, '2020-02-10');
  const take = (units: AssetRow[]) => {
    const unit = units.shift();
    if (!unit) throw new Error('the demo ran out of stock');
    return unit;
  };

  /** A request of the person for a unit, reserved by ICT on the day given. */
  const reserve = (request: RequestRow, unit: AssetRow, day: string) => {
    const actor = ict();
    request.asset_id = unit.id;
    book.setStatus(request, 'reserved', at(day, 9, minute()));
    book.move(unit, {
      at: request.updated_at,
      kind: 'reserved',
      status: 'reserved',
      ...stockRoom,
      request: request.id,
      actor,
    });
  };
  /** A parcel to the person's home: shipped, delivered (signed for) and confirmed in the application. */
  const shipHome = (
    person: string,
    items: [RequestRow, AssetRow][],
    days: { shipped: string; delivered: string | null; accepted: string | null },
  ): DeliveryRow => {
    const actor = ict();
    const isBpost = book.random() < 0.7;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(book.random() * 10)).join('');
    const delivery = book.delivery({
      person_id: person,
      mode: 'home',
      address: addresses.get(person)!,
      carrier: isBpost ? 'bpost' : 'PostNL',
      carrier_ref: isBpost ? `CD${digits(9)}BE` : `3SRSVZ${digits(7)}`,
      created_at: at(days.shipped, 8, minute()),
      created_by: actor,
    });
    for (const [request, unit] of items)
      book.deliveryItems.push({ delivery_id: delivery.id, request_id: request.id, asset_id: unit.id });
    const shippedAt = at(days.shipped, 14, minute());
    Object.assign(delivery, { status: 'shipped', shipped_at: shippedAt, updated_at: shippedAt });
    for (const [request, unit] of items) {
      book.setStatus(request, 'shipped', shippedAt);
      book.move(unit, {
        at: shippedAt,
        kind: 'shipped',
        status: 'in_transit',
        location: 'carrier',
        holder: person,
        request: request.id,
        delivery: delivery.id,
        actor,
      });
    }
    if (!days.delivered) return delivery;
    const deliveredAt = at(days.delivered, 9 + Math.floor(book.random() * 6), minute());
    Object.assign(delivery, {
      status: 'delivered',
      delivered_at: deliveredAt,
      signed_for_on: days.delivered,
      updated_at: deliveredAt,
    });
    for (const [request, unit] of items) {
      book.setStatus(request, 'delivered', deliveredAt);
      book.move(unit, {
        at: deliveredAt,
        kind: 'delivered',
        status: 'assigned',
        location: 'home',
        holder: person,
        request: request.id,
        delivery: delivery.id,
      });
    }
    if (!days.accepted) return delivery;
    // The person confirms once the parcel is in: on the day of delivery an hour or two after it.
    const acceptedAt =
      days.accepted > days.delivered
        ? at(days.accepted, 7 + Math.floor(book.random() * 9), minute())
        : new Date(Date.parse(deliveredAt) + (1 + Math.floor(book.random() * 3)) * 3_600_000).toISOString();
    for (const [request, unit] of items) {
      book.setStatus(request, 'received', acceptedAt);
      book.move(unit, {
        at: acceptedAt,
        kind: 'received',
        status: 'assigned',
        location: 'home',
        holder: person,
        request: request.id,
        delivery: delivery.id,
        actor: person,
      });
    }
    book.accept(
      person,
      delivery.id,
      items.map(([, unit]) => unit),
      acceptedAt,
    );
    return delivery;
  };

  // March 2020: the newcomers' kits, prepared by HR, shipped before their first day.
  const hr = idOf('hr');
  for (const person of newcomers) {
    const kitId = book.uuid();
    const units =
      person.username === 'employee'
        ? [take(laptops), take(mice), take(headsets)]
        : [take(renewal), take(headsets), take(phones)];
    const items = units.map((unit): [RequestRow, AssetRow] => [
      book.request({
        person_id: person.id,
        type: unit.type,
        delivery: 'home',
        address: addresses.get(person.id)!,
        kit_id: kitId,
        due_on: KIT_DUE,
        created_by: hr,
        created_at: at('2020-03-04', 9, minute()),
      }),
      unit,
    ]);
    const reservedOn = book.pick(['2020-03-06', '2020-03-09']);
    for (const [request, unit] of items) reserve(request, unit, reservedOn);
    const shipped = book.pick(['2020-03-09', '2020-03-10', '2020-03-11']);
    shipHome(person.id, items, {
      shipped,
      delivered: nextWorkingDay(shipped),
      accepted: FIRST_DAY,
    });
  }

  // The call center's own agents: a headset and a phone handed over at the site before it opened.
  for (const person of veteranAgents) {
    const actor = ict();
    const units = [take(headsets), take(phones)];
    const handedAt = at('2020-03-13', 8 + Math.floor(book.random() * 8), minute());
    const delivery = book.delivery({
      person_id: person.id,
      mode: 'site',
      site,
      status: 'delivered',
      delivered_at: handedAt,
      signed_for_on: '2020-03-13',
      created_by: actor,
      created_at: at('2020-03-12', 15, minute()),
      updated_at: handedAt,
    });
    for (const unit of units) {
      const request = book.request({
        person_id: person.id,
        type: unit.type,
        delivery: 'site',
        site,
        reason: 'Ouverture du call center de crise / opening van het crisiscallcenter',
        created_by: actor,
        created_at: at('2020-03-12', 8, minute()),
      });
      reserve(request, unit, '2020-03-12');
      book.deliveryItems.push({ delivery_id: delivery.id, request_id: request.id, asset_id: unit.id });
      book.setStatus(request, 'received', handedAt);
      book.move(unit, {
        at: handedAt,
        kind: 'handed_over',
        status: 'assigned',
        location: 'home',
        holder: person.id,
        request: request.id,
        delivery: delivery.id,
        actor,
      });
    }
    book.accept(person.id, delivery.id, units, handedAt);
  }

  // Friday 13 March: whoever can telework takes their laptop home.
  for (const person of veterans) {
    if (OFFICE_UNITS.has(person.orgUnit)) continue;
    book.move(fleet.get(person.id)!, {
      at: at('2020-03-13', 16, minute()),
      kind: 'moved',
      status: 'assigned',
      location: 'home',
      holder: person.id,
      note: TAKEN_HOME,
    });
  }

  // The desks the distancing closed give up their screens (and some docks) to the stock room.
  const open = fitted.filter((desk) => !blocked.has(desk));
  const recovered: AssetRow[] = [];
  for (const [i, desk] of open.slice(0, RECOVERED_SCREENS * 2).entries()) {
    if (i % 2 === 1) continue;
    // Monday 16 March, before any of them is reserved for a home.
    const step = {
      at: at('2020-03-16', 10 + Math.floor(book.random() * 6), minute()),
      kind: 'recovered',
      status: 'in_stock' as const,
      ...stockRoom,
      actor: idOf('facility'),
      note: CLOSED_DESK,
    };
    const screen = deskScreens.get(desk)!;
    book.move(screen, step);
    recovered.push(screen);
    deskScreens.delete(desk);
    if (i / 2 < RECOVERED_DOCKS) {
      book.move(deskDocks.get(desk)!, step);
      docks.push(deskDocks.get(desk)!);
      deskDocks.delete(desk);
    }
  }

  // Mid-March to June: a screen to the home of whoever asked; most in the first weeks.
  const screenPool = [...stockScreens.splice(0, 20), ...recovered, ...stockScreens];
  const shipments = screenPeople
    .map((person) => {
      const week = Math.floor(SHIPPING_WEEKS * book.random() ** 2);
      const shipped = workingDay(addDays('2020-03-18', week * 7 + Math.floor(book.random() * 5)));
      return { person, shipped: shipped > '2020-06-30' ? '2020-06-30' : shipped };
    })
    .sort((a, b) => a.shipped.localeCompare(b.shipped));
  for (const { person, shipped } of shipments) {
    const request = book.request({
      person_id: person.id,
      type: 'screen',
      delivery: 'home',
      address: addresses.get(person.id)!,
      reason: 'Second écran pour le télétravail / tweede scherm voor telewerk',
      created_at: at(addDays(shipped, -2 - Math.floor(book.random() * 5)), 8, minute()),
    });
    const unit = take(screenPool);
    reserve(request, unit, previousWorkingDay(shipped));
    const delivered = nextWorkingDay(shipped);
    shipHome(person.id, [[request, unit]], {
      shipped,
      delivered,
      accepted: addDays(delivered, Math.floor(book.random() * 3)),
    });
  }
  stockScreens.splice(0, stockScreens.length, ...screenPool);

  // Contributions paid towards what people bought themselves, a chair refused, a screen cancelled.
  const receipt = Buffer.from('%PDF-1.4\n% Relais demo receipt\n%%EOF\n');
  const contribution = (username: string, type: string, cents: number, day: string, by: string) => {
    const personId = idOf(username);
    if (!personId) return;
    const request = book.request({
      person_id: personId,
      type,
      kind: 'contribution',
      amount_cents: cents,
      receipt_name: `facture-${type}.pdf`,
      receipt_type: 'application/pdf',
      receipt,
      created_at: at(day, 10, minute()),
    });
    Object.assign(request, { decided_by: idOf(by), decided_at: at(addDays(day, 3), 11, minute()) });
    book.setStatus(request, 'paid', at(addDays(day, 9), 12, minute()));
  };
  contribution('hr', 'chair', 15_000, '2020-05-11', 'manager');
  contribution('reviewer', 'keyboard', 2_499, '2020-04-14', 'ict');
  const editor = idOf('editor');
  if (editor) {
    const refused = book.request({
      person_id: editor,
      type: 'chair',
      delivery: 'home',
      address: addresses.get(editor)!,
      created_at: at('2020-06-02', 9),
    });
    Object.assign(refused, {
      decided_by: idOf('manager'),
      decided_at: at('2020-06-04', 10),
      refusal_reason: 'Chaise de bureau disponible sur site / bureaustoel beschikbaar op de site',
    });
    book.setStatus(refused, 'refused', at('2020-06-04', 10));
  }
  const expert2 = idOf('expert2');
  if (expert2) {
    const cancelled = book.request({
      person_id: expert2,
      type: 'keyboard',
      delivery: 'home',
      address: addresses.get(expert2)!,
      created_at: at('2020-04-06', 9),
    });
    book.setStatus(cancelled, 'cancelled', at('2020-04-07', 8));
  }

  // The autumn: repairs and retirements.
  const repair = (unit: AssetRow, day: string, note: string, back?: string) => {
    book.move(unit, {
      at: at(day, 10, minute()),
      kind: 'sent_to_repair',
      status: 'in_repair',
      ...stockRoom,
      actor: ict(),
      note,
    });
    if (back)
      book.move(unit, {
        at: at(back, 10, minute()),
        kind: 'repaired',
        status: 'in_stock',
        ...stockRoom,
        actor: ict(),
      });
  };
  repair(laptops[0]!, '2020-10-05', 'Clavier défectueux / defect toetsenbord', '2020-10-26');
  repair(laptops[1]!, addDays(today, -18), 'Écran fissuré / gebarsten scherm');
  repair(headsets[0]!, addDays(today, -9), 'Micro muet / microfoon stil');
  repair(stockScreens.pop()!, addDays(today, -12), 'Pixels morts / dode pixels');
  const retire = (unit: AssetRow, day: string, note: string) =>
    book.move(unit, {
      at: at(day, 11, minute()),
      kind: 'retired',
      status: 'retired',
      ...stockRoom,
      actor: ict(),
      note,
    });
  retire(renewal.pop()!, '2020-11-16', 'Carte mère / moederbord');
  for (const desk of open.slice(RECOVERED_SCREENS * 2, RECOVERED_SCREENS * 2 + 3)) {
    retire(deskScreens.get(desk)!, '2020-10-12', 'Écran défectueux / defect scherm');
    deskScreens.delete(desk);
  }

  // Today: requests on their way, for the demo accounts and ICT's queue.
  const recent = (n: number, hour = 9) => at(addDays(today, -n), hour, minute());
  const ask = (
    username: string,
    type: string,
    status: 'awaiting_approval' | 'open',
    daysAgo: number,
    delivery: 'home' | 'site' = 'home',
  ) => {
    const personId = idOf(username);
    if (!personId) return null;
    return book.request({
      person_id: personId,
      type,
      status,
      delivery,
      site: delivery === 'site' ? site : null,
      address: delivery === 'home' ? addresses.get(personId)! : null,
      created_at: recent(daysAgo),
    });
  };
  const emmaScreen = ask('employee', 'screen', 'open', 6);
  if (emmaScreen) reserve(emmaScreen, take(stockScreens), addDays(today, -1));
  ask('employee', 'chair', 'awaiting_approval', 3);
  ask('expert', 'screen', 'open', 4);
  ask('agent02', 'docking_station', 'open', 2, 'site');
  ask('manager', 'keyboard', 'open', 1, 'site');
  const headset = ask('reviewer', 'headset', 'open', 5);
  if (headset) reserve(headset, take(headsets), addDays(today, -2));
  const mouse = ask('agent05', 'mouse', 'open', 7);
  if (mouse) {
    const unit = take(mice);
    reserve(mouse, unit, addDays(today, -4));
    shipHome(mouse.person_id, [[mouse, unit]], {
      shipped: addDays(today, -1),
      delivered: null,
      accepted: null,
    });
  }
  return book;
}
