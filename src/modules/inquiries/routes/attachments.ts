import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { nonJsonAnswer } from '../../../platform/http/typed-answers.js';
import { addAttachment, readAttachment } from '../attachments.js';
import { AttachmentParams, AttachmentSaved, NewAttachment, RefParams } from '../contract.js';
import { callerOf } from './caller.js';
import { inquiryProblems } from './responses.js';

/** Documents on an inquiry's thread: attached by the staff, downloaded (audited). */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:ref/attachments',
    {
      // A 5 MB file is about 6.7 MB once in base64.
      bodyLimit: 7_500_000,
      schema: {
        tags: ['inquiries'],
        summary: 'Attach a document (PDF, image, text, office file; at most 5 MB; never a program)',
        description:
          'Accepted: PDF, JPEG, PNG, GIF, TIFF, HEIC, TXT, CSV, DOCX, XLSX, PPTX, ODT, ODS, ODP, judged by the name as Windows or macOS would save it (trailing dots and spaces, NTFS streams and invisible characters removed) and by the content’s own signature; the declared `content_type` is not trusted. The file is kept under that name, with the type its content proved. Refusals name the file and the reason: `inquiries.attachment_executable`, `inquiries.attachment_macros` (macro-enabled and old binary Office formats), `inquiries.attachment_type`, `inquiries.attachment_mismatch`.',
        params: RefParams,
        body: NewAttachment,
        response: { 201: AttachmentSaved, ...inquiryProblems },
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const saved = await addAttachment(app.db, callerOf(request), request.params.ref, request.body);
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/:ref/attachments/:id',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Download a document of the thread (audited)',
        params: AttachmentParams,
        response: { 200: nonJsonAnswer('the document as it was received', ['*/*']), ...inquiryProblems },
      },
      config: { access: 'inquiries.read' },
    },
    async (request, reply) => {
      const file = await readAttachment(app.db, callerOf(request), request.params.ref, request.params.id);
      return reply
        .type(file.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.content));
    },
  );
};
