import { notFound } from '../../platform/errors.js';
import { checkInUrl } from './qr-sheet-layout.js';
import { type QrSheet, renderQrSheet } from './qr-sheet-pdf.js';
import { type Db, findFloor, findSite, listDesksOfFloors, listZonesOfFloors } from './repository.js';

/**
 * What a floor's QR sheet prints: each desk still in the plan (a blocked one too: it comes back),
 * in id order, with the check-in address of the app as people reach it (`publicUrl`).
 */
export async function floorQrSheet(db: Db, floorId: string, publicUrl: string, now: Date): Promise<QrSheet> {
  const floor = await findFloor(db, floorId);
  const site = floor && (await findSite(db, floor.site_id));
  if (!floor || !site) throw notFound('workplace.floor_not_found', { floor: floorId });
  const zones = new Map((await listZonesOfFloors(db, [floor.id])).map((z) => [z.id, z]));
  const desks = (await listDesksOfFloors(db, [floor.id])).filter((d) => d.is_retired === 0);
  return {
    building: site.name,
    floor: { fr: floor.name_fr, nl: floor.name_nl, en: floor.name_en },
    desks: desks.map((desk) => {
      const zone = zones.get(desk.zone_id);
      return {
        id: desk.id,
        zone: zone
          ? { fr: zone.name_fr, nl: zone.name_nl, en: zone.name_en }
          : { fr: desk.zone_id, nl: desk.zone_id, en: desk.zone_id },
        url: checkInUrl(publicUrl, desk.id),
      };
    }),
    generatedAt: now,
  };
}

/** The floor's QR sheet as an A4 PDF: a few hundred vector squares a label, milliseconds a page. */
export async function floorQrSheetPdf(db: Db, floorId: string, publicUrl: string, now: Date) {
  return renderQrSheet(await floorQrSheet(db, floorId, publicUrl, now));
}
