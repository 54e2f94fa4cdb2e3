// Makes sure the Debian Chromium the browser tests drive (/usr/bin/chromium) is installed.
// `npm test` runs this first. It only ever installs Debian's own package through apt-get:
// never a browser downloaded from anywhere else (no `playwright install`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const HOW_TO = `Chromium is missing: install it with \`sudo apt-get install chromium\` (Debian package, provides ${CHROMIUM}), then run the tests again.`;

if (existsSync(CHROMIUM)) process.exit(0);

/** Runs a command with its output shown (apt-get's progress is worth seeing: it takes a while). */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  return result.status === 0;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// `sudo -n` never prompts: with no passwordless sudo it fails at once instead of hanging on stdin.
const hasSudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
const hasAptGet = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

if (!hasAptGet || !(isRoot || hasSudo)) {
  console.error(`ensure-chromium: ${HOW_TO}`);
  process.exit(1);
}

const asAdmin = (args) => (isRoot ? args : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', ...args]);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
console.error(`ensure-chromium: ${CHROMIUM} not found; installing Debian's chromium package with apt-get.`);
const [updateCommand, ...updateArgs] = asAdmin(['apt-get', 'update']);
const [installCommand, ...installArgs] = asAdmin(['apt-get', 'install', '-y', 'chromium']);
const isInstalled =
  run(updateCommand, updateArgs, env) && run(installCommand, installArgs, env) && existsSync(CHROMIUM);

if (!isInstalled) {
  console.error(`ensure-chromium: installing with apt-get failed. ${HOW_TO}`);
  process.exit(1);
}
console.error(`ensure-chromium: installed ${CHROMIUM}.`);
