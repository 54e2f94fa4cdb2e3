import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMPILED_CLI = path.join(ROOT, 'dist/relais.mjs');
const LOCK = path.join(ROOT, 'dist/.server-build.lock');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json'))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const isBuildFresh = () =>
  fs.existsSync(COMPILED_CLI) &&
  fs.statSync(COMPILED_CLI).mtimeMs >= newestSourceTime(path.join(ROOT, 'src'));

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One build at a time: the CLI tests and a benchmark (or two test runs) may ask together. */
function withBuildLock(work: () => void): void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than three minutes belongs to a build that died.
      const lock = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 180_000) fs.rmSync(LOCK, { recursive: true, force: true });
      sleepSync(250);
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Bundles the server (not the web app: the CLI tests and benchmarks only need the server) when
 * dist is missing or older than src, so `node bin/relais.js` runs the code being tested.
 */
export function ensureServerBuilt(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
  if (isBuildFresh()) return;
  withBuildLock(() => {
    if (isBuildFresh()) return; // built by whoever held the lock
    log('building the server (npm run build:server)...');
    const startedAt = Date.now();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.js')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (
      result.status !== 0 ||
      !fs.existsSync(COMPILED_CLI) ||
      fs.statSync(COMPILED_CLI).mtimeMs < startedAt
    ) {
      throw new Error(`building the server failed:\n${result.stdout}${result.stderr}`);
    }
  });
}
