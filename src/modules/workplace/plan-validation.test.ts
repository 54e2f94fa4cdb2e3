import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { projectFile } from '../../platform/project-files.js';
import type { PlanFile } from './plan-file.js';
import { isInsidePolygon } from './plan-geometry.js';
import { validatePlan } from './plan-validation.js';

const botanique = (): PlanFile =>
  JSON.parse(fs.readFileSync(projectFile('demo', 'floorplans', 'botanique.json'), 'utf8'));

function errorsOf(input: unknown) {
  try {
    validatePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('workplace.plan_invalid');
    return (error as AppError).fieldErrors;
  }
  throw new Error('the plan was accepted');
}

describe('validatePlan', () => {
  it('accepts the demo building: 3 floors, 9 wings, 360 desks', () => {
    const plan = validatePlan(botanique());
    expect(plan.floors).toHaveLength(3);
    expect(plan.floors.flatMap((f) => f.zones)).toHaveLength(9);
    expect(plan.floors.flatMap((f) => f.desks)).toHaveLength(360);
  });

  it('names a desk id used twice, with the path of the second one and the first', () => {
    const plan = botanique();
    plan.floors[0]!.desks[1]!.id = plan.floors[0]!.desks[0]!.id;
    const errors = errorsOf(plan);
    expect(errors).toContainEqual({
      field: 'floors.0(botanique-03).desks.1(botanique-03-A-001).id',
      code: 'workplace.plan.duplicate_id',
      params: { id: 'botanique-03-A-001', first: 'floors.0(botanique-03).desks.0(botanique-03-A-001)' },
    });
  });

  it('refuses a desk outside the polygon of its zone, naming desk and zone', () => {
    const plan = botanique();
    plan.floors[1]!.desks[5]!.x = 13.5; // in the corridor between wings A and B
    const errors = errorsOf(plan);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      field: 'floors.1(botanique-04).desks.5(botanique-04-A-006)',
      code: 'workplace.plan.desk_outside_zone',
      params: { desk: 'botanique-04-A-006', zone: 'botanique-04-A' },
    });
  });

  it('refuses a zone without desks', () => {
    const plan = botanique();
    plan.floors[2]!.zones.push({
      id: 'botanique-05-D',
      name: { fr: 'Aile D', nl: 'Vleugel D', en: 'Wing D' },
      polygon: [
        [50, 1],
        [60, 1],
        [60, 10],
      ],
    });
    expect(errorsOf(plan)).toEqual([
      {
        field: 'floors.2(botanique-05).zones.3(botanique-05-D)',
        code: 'workplace.plan.zone_without_desks',
        params: { zone: 'botanique-05-D' },
      },
    ]);
  });

  it('refuses a desk in a zone its floor does not have, and a zone whose desk count is not the one it declares', () => {
    const plan = botanique();
    plan.floors[0]!.desks[0]!.zone = 'botanique-04-A';
    const codes = errorsOf(plan).map((e) => `${e.field} ${e.code}`);
    expect(codes).toEqual([
      'floors.0(botanique-03).desks.0(botanique-03-A-001).zone workplace.plan.unknown_zone',
      'floors.0(botanique-03).zones.0(botanique-03-A).desks workplace.plan.zone_desk_count',
    ]);
  });

  it('reports a wrong shape with the path and id of the record', () => {
    const plan = botanique() as any;
    plan.floors[0].desks[2].x = 'left';
    plan.floors[0].desks[3].features = ['espresso-machine'];
    const fields = errorsOf(plan).map((e) => e.field);
    expect(fields).toContain('floors.0(botanique-03).desks.2(botanique-03-A-003).x');
    expect(fields).toContain('floors.0(botanique-03).desks.3(botanique-03-A-004).features.0');
  });

  it('refuses what is not a plan at all', () => {
    expect(errorsOf([]).length).toBeGreaterThan(0);
    expect(errorsOf({ site: { id: 'x' } }).map((e) => e.field)).toContain('floors');
  });
});

describe('isInsidePolygon', () => {
  const square: [number, number][] = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  it('counts a point on the wall line as inside, and one past it as outside', () => {
    expect(isInsidePolygon(5, 5, square)).toBe(true);
    expect(isInsidePolygon(10, 5, square)).toBe(true);
    expect(isInsidePolygon(0, 0, square)).toBe(true);
    expect(isInsidePolygon(10.01, 5, square)).toBe(false);
  });
  it('handles a concave (L-shaped) wing', () => {
    const ell: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    ];
    expect(isInsidePolygon(2, 8, ell)).toBe(true);
    expect(isInsidePolygon(8, 8, ell)).toBe(false);
  });
});
