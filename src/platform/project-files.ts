import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (where package.json is), found by walking up from this file, so
 * shipped data (demo/, the built web app) is found the same from src/ under tsx and from the
 * bundled dist/relais.mjs.
 */
export const PROJECT_ROOT: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above platform/');
    dir = parent;
  }
  return dir;
})();

export const projectFile = (...segments: string[]): string => path.join(PROJECT_ROOT, ...segments);
