import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import type { DatabaseHandle } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { projectFile } from '../../platform/project-files.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { importPlan } from './import-plan.js';
import type { PlanFile } from './plan-file.js';
import { type Db, findDesk, listDesksOfFloors, listFloorsOfSites } from './repository.js';

const botanique = (): PlanFile =>
  JSON.parse(fs.readFileSync(projectFile('demo', 'floorplans', 'botanique.json'), 'utf8'));

describe.each(DIALECTS)('%s: importPlan', (dialect) => {
  let database: DatabaseHandle & { location: string };
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db;
  });
  afterAll(() => database.close());

  it('loads the demo building with progress, then a second import changes nothing', async () => {
    const progress: number[] = [];
    const first = await importPlan(db, CLI_ACTOR, botanique(), { onProgress: (done) => progress.push(done) });
    expect(first.desks).toEqual({ created: 360, updated: 0, unchanged: 0, retired: 0 });
    expect(first.zones.created).toBe(9);
    expect(first.floors.created).toBe(3);
    expect(progress.at(-1)).toBe(360);
    const desk = await findDesk(db, 'botanique-03-A-002');
    expect(desk).toMatchObject({
      floor_id: 'botanique-03',
      zone_id: 'botanique-03-A',
      x: 3.4,
      y: 2,
      is_retired: 0,
    });

    const again = await importPlan(db, CLI_ACTOR, botanique());
    expect(again.desks).toEqual({ created: 0, updated: 0, unchanged: 360, retired: 0 });
    expect(again.zones).toEqual({ created: 0, updated: 0, unchanged: 9, retired: 0 });
    expect(again.floors).toEqual({ created: 0, updated: 0, unchanged: 3, retired: 0 });
  });

  it('updates a changed desk, retires one the file no longer lists, and keeps a blocked desk blocked', async () => {
    await db
      .updateTable('workplace_desk')
      .set({ is_blocked: 1, blocked_reason: 'broken chair' })
      .where('id', '=', 'botanique-05-C-040')
      .execute();
    const plan = botanique();
    const floor3 = plan.floors[0]!;
    floor3.desks[0]!.features = ['height-adjustable'];
    floor3.desks = floor3.desks.filter((d) => d.id !== 'botanique-03-A-040');
    floor3.zones[0]!.desks = 39;
    const report = await importPlan(db, CLI_ACTOR, plan);
    expect(report.desks).toEqual({ created: 0, updated: 1, unchanged: 358, retired: 1 });
    expect(await findDesk(db, 'botanique-03-A-040')).toMatchObject({ is_retired: 1 });
    expect(await findDesk(db, 'botanique-03-A-001')).toMatchObject({ features: '["height-adjustable"]' });
    expect(await findDesk(db, 'botanique-05-C-040')).toMatchObject({
      is_blocked: 1,
      blocked_reason: 'broken chair',
    });

    const restored = await importPlan(db, CLI_ACTOR, botanique());
    expect(restored.desks).toEqual({ created: 0, updated: 2, unchanged: 358, retired: 0 });
    expect(await findDesk(db, 'botanique-03-A-040')).toMatchObject({ is_retired: 0 });
  });

  it('writes nothing from a file with a bad record, and names it', async () => {
    const plan = botanique();
    plan.site.id = 'annexe';
    plan.floors = plan.floors.map((floor) => ({
      ...floor,
      id: floor.id.replace('botanique', 'annexe'),
      zones: floor.zones.map((z) => ({ ...z, id: z.id.replace('botanique', 'annexe') })),
      desks: floor.desks.map((d) => ({
        ...d,
        id: d.id.replace('botanique', 'annexe'),
        zone: d.zone.replace('botanique', 'annexe'),
      })),
    }));
    plan.floors[2]!.desks[7]!.id = plan.floors[2]!.desks[6]!.id;
    const failure = await importPlan(db, CLI_ACTOR, plan).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).fieldErrors.map((e) => e.field)).toEqual([
      'floors.2(annexe-05).desks.7(annexe-05-A-007).id',
    ]);
    expect(await listFloorsOfSites(db, ['annexe'])).toEqual([]);
    expect(await listDesksOfFloors(db, ['annexe-05'])).toEqual([]);
  });
});
