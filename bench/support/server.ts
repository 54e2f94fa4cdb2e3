import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './build.js';

/** A port nobody listens on right now (the CLI has no PORT=0: it prints the URL it was given). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const tempDataDir = (label: string): string =>
  fs.mkdtempSync(path.join(os.tmpdir(), `relais-bench-${label}-`));

export type RunningServer = {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 on /readyz. */
  readyAfterMs: number;
  /** SIGTERM, then the exit code (0 when the graceful shutdown worked). */
  stop(): Promise<number | null>;
};

/**
 * Starts the real CLI (`node bin/relais.js serve`) on 127.0.0.1 with logging off and waits until
 * /readyz answers 200, polling every 10 ms. `nodeOptions` go to node itself (`--cpu-prof`, which
 * NODE_OPTIONS refuses).
 */
export async function startServer(
  dataDir: string,
  extraEnv: Record<string, string> = {},
  nodeOptions: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, path.join(ROOT, 'bin/relais.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      RELAIS_DATA_DIR: dataDir,
      RELAIS_LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      // The benchmarks' crowd is one address (127.0.0.1) and they measure capacity: no per-address
      // limits and no load shedding, unless a benchmark asks for them.
      RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE: '0',
      RELAIS_SHED_EVENT_LOOP_DELAY_MS: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (hasExited) throw new Error(`relais serve exited before it was ready:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`relais serve was not ready within 60 s:\n${stderr}`);
    }
    const isReady = await fetch(`${url}/readyz`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (isReady) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const readyAfterMs = performance.now() - startedAt;

  return {
    child,
    url,
    readyAfterMs,
    stop: async () => {
      if (!hasExited) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timeout);
      if (code !== 0) process.stderr.write(`relais serve exited with ${code}:\n${stderr}\n`);
      return code;
    },
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The machine, with its load when the figures were taken: other work on it skews every figure. */
export const machine = () => ({
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadavg_1m: Math.round(os.loadavg()[0]! * 100) / 100,
});

/**
 * CPU seconds the process has used so far (user + system, from /proc on Linux; undefined elsewhere).
 * CPU per request is steadier than requests per second on a shared, busy machine.
 */
export function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux that Node supports
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

export const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
