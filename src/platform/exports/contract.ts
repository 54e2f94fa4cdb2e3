import { Type } from 'typebox';

// How a table downloads, as the web app's download button and the routes agree on it. A contract:
// TypeBox only; writing the files is in csv.ts and xlsx.ts.

/** The formats every table of Relais downloads as. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The `format` query parameter of a route that also answers as a file. */
export const ExportFormatParam = Type.Optional(
  Type.Enum([...EXPORT_FORMATS], {
    description: 'Download every matching row as a file instead of a page of JSON',
  }),
);
