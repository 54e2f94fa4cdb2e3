import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { type CliTarget, createCliTarget, ROOT, runCli } from './support.js';

beforeAll(() => ensureServerBuilt(), 180_000);

const planFile = path.join(ROOT, 'demo/floorplans/botanique.json');

describe.each(DIALECTS)('%s: relais desks import-plan', (dialect) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(dialect);
  });
  afterAll(() => target.drop());

  it('loads the demo building with progress, then a second import changes nothing', async () => {
    const first = await runCli(['desks', 'import-plan', planFile], target.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Desks: 360 new, 0 changed, 0 unchanged, 0 retired');
    expect(first.stderr).toContain('importing desks 360/360');
    const again = await runCli(['desks', 'import-plan', planFile], target.env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Desks: 0 new, 0 changed, 360 unchanged, 0 retired');
  });

  it('imports nothing from a plan with a desk outside its zone, and names the desk', async () => {
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
    plan.floors[0].desks[0].y = 50;
    const file = path.join(os.tmpdir(), `bad-plan-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(plan));
    const result = await runCli(['desks', 'import-plan', file], target.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('floors.0(botanique-03).desks.0(botanique-03-A-001)');
    expect(result.stderr).toContain('outside its zone botanique-03-A');
  });
});
