import type { FieldError } from '../../platform/errors.js';
import type { AssetChangeOfPlace } from './asset-moves.js';
import type { AssetChange, AssetInput } from './contract/asset-contract.js';
import type { AssetLocation, AssetStatus } from './contract.js';

// What ICT's edits of an asset mean, and how a search text is read: pure, no database.

export type AssetState = {
  status: AssetStatus;
  location: AssetLocation;
  site: string | null;
  desk: string | null;
  holderId: string | null;
  requestId: string | null;
  model: string;
  serial: string | null;
};

/** Statuses that a request or a delivery holds: only their own steps move such a unit. */
const HELD = new Set<AssetStatus>(['reserved', 'in_transit']);

export type PlannedChange =
  | { outcome: 'move'; change: AssetChangeOfPlace }
  | { outcome: 'nothing' }
  | { outcome: 'invalid'; errors: FieldError[] }
  | { outcome: 'conflict'; code: string };

/**
 * The move a PATCH makes: back in stock (a site's stock room, nobody holds it), on a desk, away for
 * repair, retired for good; or a new model/serial, site or desk. One move per PATCH, named after
 * what changed most (status over place over details).
 */
export function plannedChange(asset: AssetState, patch: Omit<AssetChange, 'version'>): PlannedChange {
  const details: NonNullable<AssetChangeOfPlace['details']> = {};
  const edits: string[] = [];
  if (patch.model !== undefined && patch.model !== asset.model) {
    details.model = patch.model;
    edits.push(`model: ${asset.model} → ${patch.model}`);
  }
  if (patch.serial !== undefined && patch.serial !== asset.serial) {
    details.serial = patch.serial;
    edits.push(`serial: ${asset.serial ?? '—'} → ${patch.serial ?? '—'}`);
  }
  const status = patch.status !== undefined && patch.status !== asset.status ? patch.status : undefined;
  const site = patch.site !== undefined && patch.site !== asset.site ? patch.site : undefined;
  const desk = patch.desk !== undefined && patch.desk !== asset.desk ? patch.desk : undefined;
  const placeChanges = status !== undefined || site !== undefined || desk !== undefined;
  if (placeChanges && asset.status === 'retired')
    return { outcome: 'conflict', code: 'equipment.asset.retired' };
  if (placeChanges && HELD.has(asset.status))
    return { outcome: 'conflict', code: 'equipment.asset.held_by_request' };
  const note = patch.note?.trim() || (edits.length > 0 ? edits.join('; ') : null);
  const base = { details, note };
  const newSite = site !== undefined ? site : asset.site;

  if (status === 'in_stock' || status === 'retired') {
    if (desk) return invalid('desk', 'equipment.asset.desk_not_in_stock');
    return move({
      ...base,
      kind: status === 'retired' ? 'retired' : asset.status === 'in_repair' ? 'repaired' : 'stocked',
      status,
      location: 'stock',
      site: newSite,
      desk: null,
      holderId: null,
      requestId: null,
    });
  }
  if (status === 'assigned' || (status === undefined && desk)) {
    const onDesk = desk !== undefined ? desk : asset.location === 'desk' ? asset.desk : null;
    if (!onDesk) return invalid('desk', 'equipment.asset.desk_required');
    if (!newSite) return invalid('site', 'equipment.asset.site_required');
    return move({
      ...base,
      kind: 'placed',
      status: asset.status === 'in_repair' && !status ? 'in_repair' : 'assigned',
      location: 'desk',
      site: newSite,
      desk: onDesk,
      holderId: null,
    });
  }
  if (status === 'in_repair') return move({ ...base, kind: 'sent_to_repair', status, site: newSite });
  if (desk === null && asset.location === 'desk')
    return move({
      ...base,
      kind: 'stocked',
      status: asset.status === 'assigned' ? 'in_stock' : asset.status,
      location: 'stock',
      site: newSite,
      desk: null,
    });
  if (desk === null) return invalid('desk', 'equipment.asset.not_on_desk');
  if (site !== undefined) {
    // A unit on a desk is where its desk is: moving it to another site takes it off the desk.
    if (asset.location === 'desk') return invalid('site', 'equipment.asset.site_of_desk');
    return move({ ...base, kind: 'moved', site });
  }
  if (edits.length > 0) return move({ ...base, kind: 'edited' });
  return { outcome: 'nothing' };
}

const move = (change: AssetChangeOfPlace): PlannedChange => ({ outcome: 'move', change });
const invalid = (field: string, code: string): PlannedChange => ({
  outcome: 'invalid',
  errors: [{ field, code }],
});

/** Where a newly registered unit is: on a desk if one is named, else in a stock room. */
export function registrationPlace(
  input: Pick<AssetInput, 'status' | 'site' | 'desk'>,
): { ok: true; status: AssetStatus; location: AssetLocation } | { ok: false; errors: FieldError[] } {
  const status = input.status ?? (input.desk ? 'assigned' : 'in_stock');
  if (input.desk) {
    if (!input.site) return { ok: false, errors: [{ field: 'site', code: 'equipment.asset.site_required' }] };
    if (status === 'in_stock' || status === 'retired')
      return { ok: false, errors: [{ field: 'desk', code: 'equipment.asset.desk_not_in_stock' }] };
    return { ok: true, status, location: 'desk' };
  }
  if (status === 'assigned')
    return { ok: false, errors: [{ field: 'desk', code: 'equipment.asset.desk_required' }] };
  return { ok: true, status, location: 'stock' };
}

/**
 * How a search text is read: the start of a tag, serial or model when it has their form (letters,
 * digits, dashes, dots, slashes, spaces), and part of a person's name when it is long enough to
 * name someone. Both may apply ("dell" is a model and may be a name).
 */
export function searchTermsOf(q: string | undefined): { prefix?: string; name?: string } {
  const text = (q ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return {};
  const terms: { prefix?: string; name?: string } = {};
  if (/^[\p{L}\p{N}][\p{L}\p{N} ./-]*$/u.test(text)) terms.prefix = text;
  if (text.length >= 2 && /\p{L}/u.test(text)) terms.name = text;
  return terms;
}
