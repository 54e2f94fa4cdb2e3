// Generated buildings for bench/desk-booking, in the format of demo/floorplans/botanique.json:
// desks in rows 1.4 m apart (closer than the 1.5 m rule, so neighbours refuse each other) and
// 2.0 m between rows, each zone a rectangle of ten desks a row.

const DESK_STEP_X = 1.4;
const DESK_STEP_Y = 2.0;
const DESKS_PER_ROW = 10;
const ZONE_GAP = 3;

const name = (text: string) => ({ fr: text, nl: text, en: text });

/** A site of `floors` floors, each of `zonesPerFloor` zones of `desksPerZone` desks. */
export function generatedSite(siteId: string, floors: number, zonesPerFloor: number, desksPerZone: number) {
  const rows = Math.ceil(desksPerZone / DESKS_PER_ROW);
  const zoneWidth = (DESKS_PER_ROW - 1) * DESK_STEP_X + 2;
  const zoneDepth = (rows - 1) * DESK_STEP_Y + 2;
  return {
    site: { id: siteId, name: `Bench ${siteId}`, address: 'generated', timezone: 'Europe/Brussels' },
    floors: Array.from({ length: floors }, (_, f) => {
      const floorId = `${siteId}-${String(f + 1).padStart(2, '0')}`;
      const zones = Array.from({ length: zonesPerFloor }, (_, z) => {
        const left = 1 + z * (zoneWidth + ZONE_GAP);
        return {
          id: `${floorId}-Z${String(z + 1).padStart(2, '0')}`,
          name: name(`Zone ${z + 1}`),
          polygon: [
            [left, 1],
            [left + zoneWidth, 1],
            [left + zoneWidth, 1 + zoneDepth],
            [left, 1 + zoneDepth],
          ],
          desks: desksPerZone,
          left,
        };
      });
      return {
        id: floorId,
        level: f + 1,
        name: name(`Floor ${f + 1}`),
        zones: zones.map(({ left: _left, ...zone }) => zone),
        desks: zones.flatMap((zone) =>
          Array.from({ length: desksPerZone }, (_, d) => ({
            id: `${zone.id}-${String(d + 1).padStart(4, '0')}`,
            zone: zone.id,
            x: Math.round((zone.left + 1 + (d % DESKS_PER_ROW) * DESK_STEP_X) * 100) / 100,
            y: Math.round((2 + Math.floor(d / DESKS_PER_ROW) * DESK_STEP_Y) * 100) / 100,
            features: [],
          })),
        ),
      };
    }),
  };
}
