import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// `npm run check` keeps the fences of DESIGN.md (Biome's noRestrictedImports and noImportCycles, set in
// biome.json). Each case plants a forbidden import in a temporary file where it would hurt, and
// sees the linter refuse it; the same import from an allowed place passes.
const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);
const planted: string[] = [];

function plant(relative: string, source: string): string {
  const file = path.join(root, relative);
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
  for (const file of planted.splice(0)) fs.rmSync(file, { force: true });
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
});
