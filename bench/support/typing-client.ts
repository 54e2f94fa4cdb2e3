// An agent's search box, in a process of its own: the load generator must not delay the sending of
// these requests nor the reading of their answers, or its own pauses would be counted as the
// server's latency.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type TypingRun = {
  url: string;
  cookie: string;
  /** Request paths, sent in turn. */
  paths: string[];
  perSecond: number;
  seconds: number;
};

export type TypingResult = {
  sent: number;
  /** Milliseconds from sending each request to reading its whole answer, in order. */
  latencies: number[];
  failed: number;
  /** Why the first failed one failed. */
  firstFailure: string;
};

/**
 * Sends `perSecond` requests a second for `seconds`, on a fixed schedule whatever the answers take
 * (an agent keeps typing while the suggestions lag), and times each one.
 */
async function run({ url, cookie, paths, perSecond, seconds }: TypingRun): Promise<TypingResult> {
  const interval = 1000 / perSecond;
  const total = Math.round(perSecond * seconds);
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure = '';
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    inFlight.push(
      fetch(`${url}${paths[i % paths.length]}`, { headers: { cookie } })
        .then(async (response) => {
          const text = await response.text();
          if (response.status !== 200) {
            failed++;
            firstFailure ||= `${response.status}: ${text.slice(0, 300)}`;
          }
          latencies.push(performance.now() - sentAt);
        })
        .catch((error: Error) => {
          failed++;
          firstFailure ||= String(error.cause ?? error);
        }),
    );
  }
  await Promise.all(inFlight);
  return { sent: total, latencies, failed, firstFailure };
}

if (process.env.RELAIS_BENCH_TYPING_CLIENT && process.send) {
  process.once('message', async (typingRun: TypingRun) => {
    process.send!(await run(typingRun), () => process.exit(0));
  });
  process.send('ready');
}

/**
 * Starts the typing client in a child process and waits until it is loaded (starting node and
 * compiling this file takes a core for a moment: not while the figures are taken). `run` then
 * resolves with its figures.
 */
export async function startTypist(): Promise<{ run(typingRun: TypingRun): Promise<TypingResult> }> {
  const child = fork(fileURLToPath(import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, RELAIS_BENCH_TYPING_CLIENT: '1' },
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the typing client exited with ${code}`)));
  });
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  await Promise.race([ready, exited]);
  return {
    run: (typingRun) => {
      const result = new Promise<TypingResult>((resolve) =>
        child.once('message', (message) => resolve(message as TypingResult)),
      );
      child.send(typingRun);
      return Promise.race([result, exited]);
    },
  };
}
