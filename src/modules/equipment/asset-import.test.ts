import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { withApp } from '../../test-support/with-app.js';
import { parseAssetFile } from './asset-import-file.js';

const IMPORT = '/api/v1/equipment/assets/import';
const HEADER = 'asset_tag,type,model,serial,status,site';

describe('asset import file', () => {
  it('reads rows, an empty status meaning in_stock, and names each bad cell with its line', () => {
    const parsed = parseAssetFile(
      [
        HEADER,
        'A-1,laptop,Latitude 5410,SN1,,BOT',
        'A-2,screen,P2419H,,in_repair,',
        '',
        'A-1,chair,Ergo,SN1,assigned,B O T',
      ].join('\n'),
    );
    expect(parsed.rows.map((r) => [r.line, r.tag, r.status, r.serial, r.site])).toEqual([
      [2, 'A-1', 'in_stock', 'SN1', 'BOT'],
      [3, 'A-2', 'in_repair', null, null],
    ]);
    expect(parsed.badLines).toBe(1);
    expect(parsed.errors.map((e) => [e.field, e.code])).toEqual([
      ['line.5.asset_tag', 'equipment.import.duplicate_tag'],
      ['line.5.serial', 'equipment.import.duplicate_serial'],
      ['line.5.status', 'validation.enum'],
      ['line.5.site', 'validation.pattern'],
    ]);
  });

  it('refuses a header that is not exactly the expected one, naming the column', () => {
    expect(parseAssetFile('asset_tag,type,model,serial,site\nA,laptop,M,S,B').errors).toEqual([
      expect.objectContaining({ field: 'line.1.status', code: 'equipment.import.missing_column' }),
    ]);
    expect(parseAssetFile(`${HEADER},colour\nA,laptop,M,S,,B,red`).errors).toEqual([
      expect.objectContaining({ field: 'line.1.colour', code: 'equipment.import.unknown_column' }),
    ]);
    expect(parseAssetFile(HEADER).errors[0]?.code).toBe('equipment.import.empty');
  });
});

describe.each(DIALECTS)('%s: asset import', (dialect) => {
  const t = withApp(dialect, { as: ['ict', 'manager'] });
  const count = async () =>
    Number(
      (
        await (t.app.db as Kysely<any>)
          .selectFrom('equipment_asset')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports a file whole, each unit with an `imported` move', async () => {
    const rows = Array.from({ length: 620 }, (_, i) => `IMP-${i + 1},mouse,MX Anywhere,SN-IMP-${i + 1},,BOT`);
    const answer = await t.send(t.people.ict, 'POST', IMPORT, { csv: [HEADER, ...rows].join('\n') });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toEqual({ imported: 620 });
    const detail = (await t.send(t.people.ict, 'GET', '/api/v1/equipment/assets/IMP-620')).json();
    expect(detail).toMatchObject({
      status: 'in_stock',
      location: 'stock',
      site: 'BOT',
      serial: 'SN-IMP-620',
    });
    expect(detail.moves).toEqual([
      expect.objectContaining({ kind: 'imported', note: 'line 621', toStatus: 'in_stock' }),
    ]);
    expect((await t.send(t.people.manager, 'POST', IMPORT, { csv: HEADER })).statusCode).toBe(403);
  });

  it('writes nothing when one line is bad, and lists every bad line, the registered ones too', async () => {
    const before = await count();
    const csv = [
      HEADER,
      'NEW-1,laptop,Latitude 5410,SN-NEW-1,,BOT',
      'IMP-1,laptop,Latitude 5410,SN-NEW-2,,BOT',
      'NEW-3,laptop,Latitude 5410,SN-IMP-2,,BOT',
    ].join('\n');
    const answer = await t.send(t.people.ict, 'POST', IMPORT, { csv });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'equipment.import.failed' });
    expect(answer.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['line.3.asset_tag', 'equipment.asset.tag_taken'],
      ['line.4.serial', 'equipment.asset.serial_taken'],
    ]);
    expect(await count()).toBe(before);
    const header = await t.send(t.people.ict, 'POST', IMPORT, { csv: 'tag,type\nX,laptop' });
    expect(header.statusCode).toBe(400);
    expect(header.json().errors[0]).toMatchObject({
      field: 'line.1.asset_tag',
      code: 'equipment.import.missing_column',
    });
  });
});
