import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDist = path.join(root, 'dist/web');
const lockDir = path.join(root, 'dist/.web-build.lock');

// Everything the built app is made from: the web app and the server files it imports, which are the
// contracts and src/shared/ (the locale files among them): npm run check's web fence allows nothing else.
const INPUTS = ['web', 'vite.config.ts', 'src/shared', 'package-lock.json', ...contractsUnder('src')].map(
  (p) => path.join(root, p),
);

/** Every `contract.ts` (or `*-contract.ts`) file and `contract/` folder under a folder, relative to the root. */
function contractsUnder(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    // An area's own contract file (delivery-contract.ts) that a module's contract.ts re-exports counts too.
    if (
      entry.name === 'contract.ts' ||
      entry.name.endsWith('-contract.ts') ||
      (entry.isDirectory() && entry.name === 'contract')
    )
      return [relative];
    return entry.isDirectory() ? contractsUnder(relative) : [];
  });
}

function newestChange(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // The web app's rule tests sit beside its source files and are not part of the bundle.
  return fs
    .readdirSync(target)
    .filter((name) => !name.endsWith('.test.ts'))
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

function isBuildFresh(): boolean {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return false;
  const builtAt = fs.statSync(index).mtimeMs;
  return INPUTS.every((input) => newestChange(input) <= builtAt);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another test run (a second terminal, a fellow developer's watcher) may be building right now. */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than two minutes belongs to a run that died mid-build.
      const lock = fs.statSync(lockDir, { throwIfNoEntry: false });
      if (lock && (Date.now() - lock.mtimeMs > 120_000 || attempt > 240))
        fs.rmSync(lockDir, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Builds the web app for the browser tests unless dist/web is newer than all its sources (then
 * this costs a few milliseconds). It builds beside dist/web and swaps, so a server already
 * serving the old build never sees a half-written directory.
 */
export default async function setup(): Promise<void> {
  if (isBuildFresh()) return;
  await withBuildLock(async () => {
    if (isBuildFresh()) return; // built by whoever held the lock
    const { build } = await import('vite');
    const staging = path.join(root, `dist/web-staging-${process.pid}`);
    // Vitest sets NODE_ENV=test, which Vite keeps: React would ship its development build
    // (bigger, slower, chattier) instead of the one people get.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: path.join(root, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
        build: { outDir: staging, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const old = path.join(root, `dist/web-old-${process.pid}`);
    if (fs.existsSync(webDist)) fs.renameSync(webDist, old);
    fs.renameSync(staging, webDist);
    fs.rmSync(old, { recursive: true, force: true });
  });
}
