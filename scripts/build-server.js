// Bundles the server and the `relais` command into one file, dist/relais.mjs, and the FAQ export's
// PDF worker thread into dist/export-pdf-worker.mjs beside it. Node then loads one file instead of
// thousands (TypeBox alone is ~700 modules): a restart answers sooner (README, bench/cold-start).
// Type checking is `npm run check`; this only transpiles.
import { build } from 'esbuild';

await build({
  // The PDF of an FAQ export is made in a worker thread, which loads its own small entry.
  entryPoints: {
    relais: 'src/cli/main.ts',
    'export-pdf-worker': 'src/modules/knowledge/export/pdf-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
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
  // pdfkit reads its fonts' metrics beside itself. ExcelJS and the mail libraries are imported with
  // `await import()` where first needed: left out of the bundle, Node reads them from node_modules
  // then, instead of parsing their 4 MB (a third of the bundle) at every start.
  external: [
    'better-sqlite3',
    '@fastify/swagger-ui',
    'pdfkit',
    'pg-native',
    'oidc-provider',
    'exceljs',
    'nodemailer',
    'imapflow',
    'mailparser',
  ],
  // Bundled CommonJS packages call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __relaisCreateRequire } from 'node:module'; const require = __relaisCreateRequire(import.meta.url);",
  },
});
