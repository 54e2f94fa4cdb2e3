// Makes sure the Debian packages the tests drive are installed: Chromium for the browser tests
// (/usr/bin/chromium) and Dovecot for the crisis mailbox's tests (a real IMAP server, started by
// each test on its own port: src/test-support/mail-servers.ts). `npm test` runs this first. It
// only ever installs Debian's own packages through apt-get: never a browser downloaded from
// anywhere else (no `playwright install`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Each tool: the file that shows it is there, and the Debian package that provides it. */
const TOOLS = [
  { name: 'Chromium', file: '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Dovecot (IMAP)', file: '/usr/sbin/dovecot', pkg: 'dovecot-imapd' },
];

const missing = TOOLS.filter((tool) => !existsSync(tool.file));
if (missing.length === 0) process.exit(0);

const packages = missing.map((tool) => tool.pkg);
const HOW_TO = `${missing.map((tool) => tool.name).join(' and ')} missing: install with \`sudo apt-get install ${packages.join(' ')}\` (Debian packages providing ${missing.map((tool) => tool.file).join(', ')}), then run the tests again.`;

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
  console.error(`ensure-test-tools: ${HOW_TO}`);
  process.exit(1);
}

const asAdmin = (args) => (isRoot ? args : ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', ...args]);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
console.error(`ensure-test-tools: installing Debian's ${packages.join(', ')} with apt-get.`);
const [updateCommand, ...updateArgs] = asAdmin(['apt-get', 'update']);
const [installCommand, ...installArgs] = asAdmin(['apt-get', 'install', '-y', ...packages]);
const isInstalled =
  run(updateCommand, updateArgs, env) &&
  run(installCommand, installArgs, env) &&
  missing.every((tool) => existsSync(tool.file));

if (!isInstalled) {
  console.error(`ensure-test-tools: installing with apt-get failed. ${HOW_TO}`);
  process.exit(1);
}
console.error(`ensure-test-tools: installed ${packages.join(', ')}.`);
