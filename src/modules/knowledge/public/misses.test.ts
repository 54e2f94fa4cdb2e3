import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../../test-support/databases.js';
import { SearchMissLog } from '../search-miss-log.js';
import { listSearchMisses } from '../usage.js';
import { isWorthRecording, PublicMissRecorder } from './misses.js';

describe('public search misses worth recording', () => {
  it('read like words someone typed', () => {
    expect(isWorthRecording('trampoline')).toBe(true);
    expect(isWorthRecording('  ab ')).toBe(false);
    expect(isWorthRecording('123456')).toBe(false);
    expect(isWorthRecording('x'.repeat(101))).toBe(false);
    expect(isWorthRecording('überbrückung')).toBe(true);
  });
});

describe.each(DIALECTS)('%s: public search misses', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.close());

  it('are recorded within a budget per minute, with a burst, and counted apart for editors', async () => {
    let now = 0;
    const log = new SearchMissLog(database.db, console);
    const recorder = new PublicMissRecorder(log, 60, 5, () => now);
    const miss = { query: 'Trampoline ', lang: 'fr' as const, asOf: '2020-04-01' };
    const results = [];
    for (let i = 0; i < 8; i++) results.push(recorder.record(miss));
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    now += 2_000; // 60 a minute: two more after two seconds
    const afterPause = [recorder.record(miss), recorder.record(miss), recorder.record(miss)];
    expect(afterPause).toEqual([true, true, false]);
    now += 3_600_000; // never more than the burst at once, however long the pause
    for (let i = 0; i < 10; i++) recorder.record(miss);
    expect(recorder.record({ ...miss, query: 'ab' })).toBe(false);

    await log.flush();
    const listed = await listSearchMisses(database.db, { since: '2000-01-01', limit: 10 });
    expect(listed).toEqual([
      expect.objectContaining({ query: 'trampoline', lang: 'fr', count: 12, publicCount: 12 }),
    ]);
  });
});
