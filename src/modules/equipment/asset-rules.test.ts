import { describe, expect, it } from 'vitest';
import { type AssetState, plannedChange, registrationPlace, searchTermsOf } from './asset-rules.js';

const inStock: AssetState = {
  status: 'in_stock',
  location: 'stock',
  site: 'BOT',
  desk: null,
  holderId: null,
  requestId: null,
  model: 'Latitude 5410',
  serial: 'SN1',
};

describe('asset changes', () => {
  it('sends a unit to repair and back to a stock room, where nobody holds it', () => {
    expect(plannedChange(inStock, { status: 'in_repair' })).toMatchObject({
      outcome: 'move',
      change: { kind: 'sent_to_repair', status: 'in_repair' },
    });
    const atHome = { ...inStock, status: 'in_repair' as const, location: 'home' as const, holderId: 'p1' };
    expect(plannedChange(atHome, { status: 'in_stock', site: 'WTC' })).toMatchObject({
      outcome: 'move',
      change: {
        kind: 'repaired',
        status: 'in_stock',
        location: 'stock',
        site: 'WTC',
        holderId: null,
        desk: null,
      },
    });
  });

  it('puts a unit on a desk only with the desk and its site, and takes it off again', () => {
    expect(plannedChange(inStock, { status: 'assigned' })).toEqual({
      outcome: 'invalid',
      errors: [{ field: 'desk', code: 'equipment.asset.desk_required' }],
    });
    expect(plannedChange({ ...inStock, site: null }, { desk: 'D1' })).toMatchObject({
      outcome: 'invalid',
      errors: [{ field: 'site' }],
    });
    const placed = plannedChange(inStock, { desk: 'D1' });
    expect(placed).toMatchObject({
      change: { kind: 'placed', status: 'assigned', location: 'desk', desk: 'D1' },
    });
    const onDesk = { ...inStock, status: 'assigned' as const, location: 'desk' as const, desk: 'D1' };
    expect(plannedChange(onDesk, { desk: null })).toMatchObject({
      change: { kind: 'stocked', status: 'in_stock', location: 'stock', desk: null },
    });
    expect(plannedChange(onDesk, { site: 'WTC' })).toMatchObject({
      outcome: 'invalid',
      errors: [{ field: 'site' }],
    });
  });

  it('never moves a retired unit, nor one a request holds; an edit of details is a move too', () => {
    expect(plannedChange({ ...inStock, status: 'retired' }, { status: 'in_stock' })).toEqual({
      outcome: 'conflict',
      code: 'equipment.asset.retired',
    });
    expect(
      plannedChange({ ...inStock, status: 'reserved', requestId: 'r1' }, { status: 'in_repair' }),
    ).toEqual({
      outcome: 'conflict',
      code: 'equipment.asset.held_by_request',
    });
    expect(plannedChange({ ...inStock, status: 'retired' }, { serial: 'SN2' })).toMatchObject({
      change: { kind: 'edited', details: { serial: 'SN2' }, note: 'serial: SN1 → SN2' },
    });
    expect(plannedChange(inStock, { model: 'Latitude 5410', status: 'in_stock' })).toEqual({
      outcome: 'nothing',
    });
  });

  it('registers in a stock room, or on a named desk of a site', () => {
    expect(registrationPlace({})).toEqual({ ok: true, status: 'in_stock', location: 'stock' });
    expect(registrationPlace({ desk: 'D1', site: 'BOT' })).toEqual({
      ok: true,
      status: 'assigned',
      location: 'desk',
    });
    expect(registrationPlace({ status: 'assigned' })).toMatchObject({ ok: false });
  });
});

describe('search text', () => {
  it('reads a tag, serial or model start, and a name', () => {
    expect(searchTermsOf('  LAP-00 ')).toEqual({ prefix: 'LAP-00', name: 'LAP-00' });
    expect(searchTermsOf('12345')).toEqual({ prefix: '12345' });
    expect(searchTermsOf("d'Hondt")).toEqual({ name: "d'Hondt" });
    expect(searchTermsOf('%')).toEqual({});
    expect(searchTermsOf('')).toEqual({});
  });
});
