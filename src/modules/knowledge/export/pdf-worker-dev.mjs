// Starts the PDF thread from the TypeScript sources (tests, `npm run dev`): a worker thread does not
// inherit tsx from its parent, so it registers it before loading the worker. The built server
// starts dist/export-pdf-worker.mjs instead and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./pdf-worker.ts');
