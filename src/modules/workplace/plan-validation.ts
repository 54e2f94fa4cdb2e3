import { AppError, type FieldError } from '../../platform/errors.js';
import { checkValue } from '../../platform/http/validation.js';
import { PlanFile } from './plan-file.js';
import { isInsidePolygon } from './plan-geometry.js';

/** `floors.0.desks.4(botanique-03-A-005)`: where a record sits in the file, and its id to find it by. */
const recordPath = (path: string, id: unknown) => (typeof id === 'string' ? `${path}(${id})` : path);

/** Schema errors, with the id of the floor, zone or desk they belong to written into their path. */
function schemaErrors(input: unknown): FieldError[] {
  const errors = checkValue(PlanFile, input);
  const plan = input as {
    floors?: { id?: unknown; zones?: { id?: unknown }[]; desks?: { id?: unknown }[] }[];
  };
  return errors.map((error) => {
    const parts = error.field.split('.');
    const named: string[] = [];
    let floor: (typeof plan.floors & object)[number] | undefined;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const previous = parts[i - 1];
      if (/^\d+$/.test(part) && previous === 'floors') {
        floor = Array.isArray(plan.floors) ? plan.floors[Number(part)] : undefined;
        named.push(recordPath(part, floor?.id));
      } else if (/^\d+$/.test(part) && (previous === 'zones' || previous === 'desks')) {
        const list = floor?.[previous];
        named.push(recordPath(part, Array.isArray(list) ? list[Number(part)]?.id : undefined));
      } else named.push(part);
    }
    return { ...error, field: named.join('.') };
  });
}

/**
 * What is wrong with a plan file besides its shape: an id used twice (floors, zones and desks share
 * one name space, as the ids of botanique.json do), a desk in a zone its floor lacks or outside its
 * zone's polygon, a zone without desks or with another number of desks than it says.
 */
export function planConsistencyErrors(plan: PlanFile): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first)
      errors.push({ field: `${path}.id`, code: 'workplace.plan.duplicate_id', params: { id, first } });
    else seen.set(id, path);
  };
  claim(plan.site.id, 'site');
  plan.floors.forEach((floor, f) => {
    const floorPath = `floors.${recordPath(String(f), floor.id)}`;
    claim(floor.id, floorPath);
    const zones = new Map(floor.zones.map((zone) => [zone.id, zone]));
    const desksPerZone = new Map<string, number>();
    floor.zones.forEach((zone, z) => {
      claim(zone.id, `${floorPath}.zones.${recordPath(String(z), zone.id)}`);
    });
    floor.desks.forEach((desk, d) => {
      const deskPath = `${floorPath}.desks.${recordPath(String(d), desk.id)}`;
      claim(desk.id, deskPath);
      const zone = zones.get(desk.zone);
      if (!zone) {
        errors.push({
          field: `${deskPath}.zone`,
          code: 'workplace.plan.unknown_zone',
          params: { zone: desk.zone },
        });
        return;
      }
      desksPerZone.set(zone.id, (desksPerZone.get(zone.id) ?? 0) + 1);
      if (!isInsidePolygon(desk.x, desk.y, zone.polygon))
        errors.push({
          field: deskPath,
          code: 'workplace.plan.desk_outside_zone',
          params: { desk: desk.id, zone: zone.id, x: desk.x, y: desk.y },
        });
    });
    floor.zones.forEach((zone, z) => {
      const zonePath = `${floorPath}.zones.${recordPath(String(z), zone.id)}`;
      const count = desksPerZone.get(zone.id) ?? 0;
      if (count === 0)
        errors.push({
          field: zonePath,
          code: 'workplace.plan.zone_without_desks',
          params: { zone: zone.id },
        });
      else if (zone.desks !== undefined && zone.desks !== count)
        errors.push({
          field: `${zonePath}.desks`,
          code: 'workplace.plan.zone_desk_count',
          params: { zone: zone.id, declared: zone.desks, found: count },
        });
    });
  });
  return errors;
}

/** Checks a parsed plan file whole; throws `workplace.plan_invalid` listing every bad record. */
export function validatePlan(input: unknown): PlanFile {
  const shapeErrors = schemaErrors(input);
  const errors = shapeErrors.length > 0 ? shapeErrors : planConsistencyErrors(input as PlanFile);
  if (errors.length > 0) throw new AppError('workplace.plan_invalid', 400, { count: errors.length }, errors);
  return input as PlanFile;
}
