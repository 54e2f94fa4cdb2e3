#!/usr/bin/env node
// The `relais` command. It runs the bundled CLI; `npm start` (or `npm run build`) builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/relais.mjs', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  console.error('relais: not built yet. Run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(compiled.href);
