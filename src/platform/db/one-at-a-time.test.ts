import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('oneAtATime', () => {
  it('runs the calls of one key one after the other, in the order they came', async () => {
    const queues = new Map<string, Promise<void>>();
    const log: string[] = [];
    const call = (name: string) =>
      oneAtATime(queues, 'floor-1', async () => {
        log.push(`${name} starts`);
        await tick();
        log.push(`${name} ends`);
        return name;
      });
    expect(await Promise.all([call('a'), call('b'), call('c')])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('runs calls of different keys side by side', async () => {
    const queues = new Map<string, Promise<void>>();
    let running = 0;
    let most = 0;
    const call = (key: string) =>
      oneAtATime(queues, key, async () => {
        most = Math.max(most, ++running);
        await tick();
        running--;
      });
    await Promise.all([call('floor-1'), call('floor-2'), call('floor-3')]);
    expect(most).toBe(3);
  });

  it('goes on after a call fails, which gets its own error, and forgets a key once its queue is empty', async () => {
    const queues = new Map<string, Promise<void>>();
    const failed = oneAtATime(queues, 'k', async () => {
      throw new Error('refused');
    });
    const next = oneAtATime(queues, 'k', async () => 'booked');
    await expect(failed).rejects.toThrow('refused');
    expect(await next).toBe('booked');
    await tick();
    expect(queues.size).toBe(0);
  });
});
