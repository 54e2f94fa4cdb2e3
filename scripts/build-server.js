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
  // React (the public FAQ's pages) picks its production build by this; nothing else in the bundle
  // reads it. Without it, both builds were bundled and the slower development one ran.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Native code, packages that read their own files at run time, and optional or test-only ones.
  external: ['better-sqlite3', '@fastify/swagger-ui', 'pg-native', 'oidc-provider'],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __relaisCreateRequire } from 'node:module'; const require = __relaisCreateRequire(import.meta.url);",
  },
});
