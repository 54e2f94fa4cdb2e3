import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run check` keeps the fences of DESIGN.md (Biome's noRestrictedImports and noImportCycles, set in
// biome.json): the platform imports no module, a module reaches another only through its index.ts or
// contract.ts, the web app reaches the server only through contracts and src/shared/, contracts and
// src/shared/ import no implementation, and no cycles. Each case plants a forbidden import in a
// temporary file where it would hurt, and sees the linter refuse it; an allowed import passes.
const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const planted: string[] = [];

/** Writes a temporary file, and the folder it needs if there is none; both go after the test. */
function plant(relative: string, source: string): string {
  const file = path.join(root, relative);
  const folder = path.dirname(file);
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    planted.push(folder);
  }
  fs.writeFileSync(file, source);
  planted.push(file);
  return relative;
}

async function lint(...files: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(path.join(root, 'node_modules/.bin/biome'), ['lint', ...files], {
      cwd: root,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

afterEach(() => {
  // Files first, then the folders made for them.
  for (const file of planted.splice(0).reverse()) fs.rmSync(file, { force: true, recursive: true });
});

describe('the fences npm run check keeps', () => {
  it('refuses a platform file that imports a module', async () => {
    const file = plant(
      'src/platform/zz-fence-probe.ts',
      "export { inquiryRoutes } from '../modules/inquiries/index.js';\n",
    );
    const result = await lint(file);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('noRestrictedImports');
  }, 30_000);

  it('refuses a module that reaches into another past its index.ts, and lets it through the index', async () => {
    const deep = plant(
      'src/modules/knowledge/zz-fence-probe.ts',
      "export { listTeams } from '../inquiries/teams.js';\n",
    );
    const refused = await lint(deep);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('noRestrictedImports');
    const throughIndex = plant(
      'src/modules/knowledge/zz-fence-probe-2.ts',
      "export { normalizeNiss } from '../directory/index.js';\n",
    );
    expect((await lint(throughIndex)).ok).toBe(true);
  }, 30_000);

  it('refuses an import cycle', async () => {
    const a = plant(
      'src/platform/zz-cycle-a.ts',
      "import { b } from './zz-cycle-b.js';\nexport const a = () => b;\n",
    );
    const b = plant(
      'src/platform/zz-cycle-b.ts',
      "import { a } from './zz-cycle-a.js';\nexport const b = () => a;\n",
    );
    const result = await lint(a, b);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('noImportCycles');
  }, 30_000);

  it('refuses a web file that imports server code other than a contract or src/shared/, and lets those through', async () => {
    const deep = plant(
      'web/src/app/zz-fence-probe.ts',
      "export { abilitiesOf } from '../../../src/platform/auth/permissions.js';\n",
    );
    const refused = await lint(deep);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('noRestrictedImports');
    const typeOnly = plant(
      'web/src/app/zz-fence-probe-2.ts',
      "export type { OutboxRow } from '../../../src/platform/mail/tables.js';\n",
    );
    expect((await lint(typeOnly)).ok).toBe(false);
    const allowed = plant(
      'web/src/app/zz-fence-probe-3.ts',
      [
        "export { ROLES } from '../../../src/platform/auth/contract.js';",
        "export { brusselsToday } from '../../../src/shared/brussels-day.js';",
        "export { default as fr } from '../../../src/shared/locales/fr.json' with { type: 'json' };",
        '',
      ].join('\n'),
    );
    expect((await lint(allowed)).ok).toBe(true);
  }, 30_000);

  it('refuses a contract that imports an implementation, and lets typebox and other contracts through', async () => {
    const implementation = plant(
      'src/platform/zz-fence-probe/contract.ts',
      "export { isRole } from '../auth/roles.js';\n",
    );
    const refused = await lint(implementation);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('noRestrictedImports');
    const inFolder = plant(
      'src/platform/zz-fence-probe-2/contract/index.ts',
      "export { MAIL_STATUSES } from '../../mail/tables.js';\n",
    );
    expect((await lint(inFolder)).ok).toBe(false);
    const platformToModule = plant(
      'src/platform/zz-fence-probe-4/contract.ts',
      "export { CHANNELS } from '../../modules/inquiries/contract.js';\n",
    );
    expect((await lint(platformToModule)).ok).toBe(false);
    const allowed = plant(
      'src/platform/zz-fence-probe-3/contract/index.ts',
      [
        "import { Type } from 'typebox';",
        "import { IsoDate } from '../../http/contract.js';",
        "export { LIMIT } from './limits.js';",
        'export const Probe = Type.Object({ on: IsoDate });',
        '',
      ].join('\n'),
    );
    plant('src/platform/zz-fence-probe-3/contract/limits.ts', 'export const LIMIT = 1;\n');
    expect((await lint(allowed)).ok).toBe(true);
  }, 30_000);

  it('refuses a src/shared/ file that imports server code, since the web app runs it too', async () => {
    const file = plant(
      'src/shared/zz-fence-probe.ts',
      "export { brusselsDay } from '../platform/db/time.js';\n",
    );
    const result = await lint(file);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('noRestrictedImports');
    const allowed = plant(
      'src/shared/zz-fence-probe-2.ts',
      "export { brusselsToday } from './brussels-day.js';\nexport { ROLES } from '../platform/auth/contract.js';\n",
    );
    expect((await lint(allowed)).ok).toBe(true);
  }, 30_000);
});
