import { type Static, Type } from 'typebox';

export const NewAttachment = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    content_type: Type.String({ minLength: 3, maxLength: 100 }),
    content_base64: Type.String({
      minLength: 1,
      maxLength: 7_000_000,
      description: 'The file, base64 (at most 5 MB)',
    }),
  },
  { additionalProperties: false },
);
export type NewAttachment = Static<typeof NewAttachment>;
export const AttachmentSaved = Type.Object({ id: Type.String(), size_bytes: Type.Integer() });
