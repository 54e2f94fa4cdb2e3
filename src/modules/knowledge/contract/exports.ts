import { type Static, Type } from 'typebox';
import { Audience, Instant, IsoDate, Nullable } from './vocabulary.js';

/** What an export holds: French, Dutch, or both side by side. */
export const EXPORT_LANGUAGES = ['fr', 'nl', 'both'] as const;
export type ExportLanguages = (typeof EXPORT_LANGUAGES)[number];
export const EXPORT_FORMATS = ['pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Where an export job stands (the platform's job statuses). */
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export const ExportRequestBody = Type.Object(
  {
    as_of: Type.Optional(IsoDate),
    lang: Type.Enum([...EXPORT_LANGUAGES], { description: 'fr, nl, or both side by side' }),
    format: Type.Enum([...EXPORT_FORMATS]),
    audience: Type.Optional(Audience),
  },
  { additionalProperties: false },
);
export const ExportParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** What a finished export says about its file. */
export const ExportFile = Type.Object({
  fileName: Type.String(),
  contentType: Type.String(),
  bytes: Type.Integer(),
  pages: Nullable(Type.Integer()),
  entries: Type.Integer(),
  url: Type.String({ description: 'where to download it' }),
});

/** An export job as its owner follows it: where it stands, and the file once done. */
export const ExportView = Type.Object({
  id: Type.String(),
  status: Type.Enum([...EXPORT_STATUSES]),
  asOf: IsoDate,
  lang: Type.Enum([...EXPORT_LANGUAGES]),
  format: Type.Enum([...EXPORT_FORMATS]),
  audience: Audience,
  createdAt: Instant,
  finishedAt: Nullable(Instant),
  expiresAt: Nullable(Instant),
  progress: Type.Object({
    done: Type.Integer(),
    total: Type.Integer(),
    percent: Type.Integer(),
    phase: Nullable(Type.String()),
  }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  file: Nullable(ExportFile),
});
export type ExportView = Static<typeof ExportView>;
