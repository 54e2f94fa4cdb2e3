// Bundles the server and the `relais` command into one file, dist/relais.mjs. Node then loads one
// file instead of thousands (TypeBox alone is ~700 modules): a restart answers sooner (README,
// bench/cold-start). Type checking is `npm run check`; this only transpiles.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/relais.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native code, packages that read their own files at run time (pdfkit: its fonts' metrics), and
  // optional or test-only ones.
  external: ['better-sqlite3', '@fastify/swagger-ui', 'pdfkit', 'pg-native', 'oidc-provider'],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __relaisCreateRequire } from 'node:module'; const require = __relaisCreateRequire(import.meta.url);",
  },
});
