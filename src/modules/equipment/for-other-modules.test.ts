import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { withApp } from '../../test-support/with-app.js';
import { assetOfTag } from './index.js';

describe.each(DIALECTS)('%s: equipment for other modules', (dialect) => {
  const t = withApp(dialect, { as: ['ict', 'employee'] });

  it('finds an asset by its exact tag, with its type, model and holder, and nothing for a tag no unit has', async () => {
    const created = await t.send(t.people.ict, 'POST', '/api/v1/equipment/assets', {
      tag: 'OTH-LT-1',
      type: 'laptop',
      model: 'Dell Latitude 5410',
      serial: 'OTH-SN-1',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await assetOfTag(t.app.db, 'OTH-LT-1')).toEqual({
      tag: 'OTH-LT-1',
      type: 'laptop',
      model: 'Dell Latitude 5410',
      holderId: null,
    });
    expect(await assetOfTag(t.app.db, 'OTH-LT-2')).toBeUndefined();
    // The tag as printed: another spelling is another tag.
    expect(await assetOfTag(t.app.db, 'oth-lt-1')).toBeUndefined();
  });
});
