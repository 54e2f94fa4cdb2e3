import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { type Ability, can } from '../../platform/auth/permissions.js';
import { brusselsDay } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { sendTable } from '../../platform/exports/send.js';
import { nonJsonAnswer } from '../../platform/http/typed-answers.js';
import { problemResponses } from '../../platform/http/validation.js';
import { answerInquiry } from './answer.js';
import { answerFromFaq } from './answer-from-faq.js';
import { claimInquiry, reassignInquiries } from './assignment.js';
import { addAttachment, readAttachment } from './attachments.js';
import { claimCallback, listCallbacks, recordCallbackAttempt } from './callbacks.js';
import type { InquiryCaller } from './caller.js';
import { createInquiry } from './create-inquiry.js';
import { escalateInquiry } from './escalate.js';
import { daysBefore, inquiryFigures, MAX_FIGURES_DAYS } from './figures.js';
import { findInquiries } from './find-inquiries.js';
import { addFlag } from './flags.js';
import { figuresExport, inquiriesExport } from './inquiry-export.js';
import { presentCreated, readInquiry } from './inquiry-view.js';
import { findSimilarInquiries, linkInquiry } from './linking.js';
import { answerPartnerRequest, askPartner, listPartnerRequests } from './partner-requests.js';
import { proposeAsFaq } from './propose-faq.js';
import {
  anonymiseClosedInquiries,
  listRetentionRuns,
  RETENTION_JOB,
  retentionCutoff,
  retentionJobHandler,
  scheduleRetention,
} from './retention.js';
import {
  AnswerFromFaq,
  CallbackAttempt,
  CallbackQuery,
  CallbackView,
  Closing,
  Escalation,
  ExpertAnswer,
  FaqProposal,
  FiguresQuery,
  IdParams,
  InquiryDetail,
  InquiryFiguresView,
  InquiryListQuery,
  InquiryRef,
  InquirySummary,
  Link,
  NewAttachment,
  NewFlag,
  NewInquiry,
  NewMessage,
  PartnerAnswer,
  PartnerQuestion,
  PartnerRequestQuery,
  PartnerRequestView,
  Reassignment,
  SimilarInquiry,
  SimilarQuery,
  TeamView,
} from './schemas.js';
import { listTeams, teamsOfPerson } from './teams.js';
import { closeInquiry, postMessage } from './thread.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const Done = { 204: Type.Null(), ...errors };
const RefParams = Type.Object({ ref: InquiryRef });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' }),
  ),
});

function callerOf(request: FastifyRequest): InquiryCaller {
  const identity = request.identity;
  if (!identity) throw new AppError('http.unauthorized', 401);
  const isPartner = identity.roles.includes('partner');
  if (isPartner && !identity.partnerId) throw new AppError('http.forbidden', 403);
  return {
    actor: request.actor,
    partnerId: isPartner ? identity.partnerId : null,
    seesPersonalData: can(identity.roles, 'inquiries.personal_data.read'),
  };
}

/** Inquiries: questions from every channel, their thread, escalation and answer. */
export const inquiryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const retentionDays = app.config.RELAIS_INQUIRY_RETENTION_DAYS;
  app.jobs.register(RETENTION_JOB, retentionJobHandler(app.db, retentionDays));
  app.addHook('onListen', async () => {
    await scheduleRetention(app.db).catch((error) =>
      app.log.error({ err: error }, 'inquiries: retention not scheduled'),
    );
  });

  app.post(
    '',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Log an inquiry (a call, a mail, a fund’s question)',
        description:
          'A fund’s token always creates an inquiry of channel `partner` for its own fund. Send an `Idempotency-Key` to make retries safe: the same request with the same key again answers 200 with the inquiry the first request created (a read, audited as one); another request with a key already used answers 422 `inquiries.idempotency_key_reused`.',
        headers: IdempotencyHeaders,
        body: NewInquiry,
        response: { 200: InquirySummary, 201: InquirySummary, ...problemResponses(422), ...errors },
      },
      config: { access: 'inquiries.create' },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const key = request.headers['idempotency-key'] ?? null;
      const created = await createInquiry(app.db, caller, request.body, key);
      const summary = await presentCreated(app.db, caller, created);
      reply.code(created.isReplay ? 200 : 201).header('location', `/api/v1/inquiries/${summary.ref}`);
      return summary;
    },
  );

  app.get(
    '',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Find inquiries (reference, NISS, enterprise number, name or words of the question)',
        description:
          'A page of JSON; with `format=csv` or `format=xlsx`, every matching inquiry as a file to download (masked as in the list, audited).',
        querystring: InquiryListQuery,
        response: {
          200: Type.Object({ items: Type.Array(InquirySummary), total: Type.Integer() }),
          ...errors,
        },
      },
      config: { access: 'inquiries.read' },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (!format) return findInquiries(app.db, callerOf(request), request.query);
      const table = await inquiriesExport(app.db, callerOf(request), request.query, request.language);
      return sendTable(reply, format, table);
    },
  );

  app.get(
    '/:ref',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'One inquiry with its thread (personal data in full for roles that need it, audited)',
        params: RefParams,
        response: { 200: InquiryDetail, ...errors },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => readInquiry(app.db, callerOf(request), request.params.ref),
  );

  app.get(
    '/teams',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Expert teams, their service levels, and which of them the caller belongs to',
        response: { 200: Type.Array(TeamView), ...errors },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => {
      const personId = callerOf(request).actor.id;
      const [teams, mine] = await Promise.all([
        listTeams(app.db),
        personId ? teamsOfPerson(app.db, personId) : [],
      ]);
      const myTeams = new Set(mine.map((team) => team.id));
      return teams.map((t) => ({
        code: t.code,
        name_fr: t.name_fr,
        name_nl: t.name_nl,
        first_answer_minutes: t.first_answer_minutes,
        resolution_minutes: t.resolution_minutes,
        is_member: myTeams.has(t.id),
      }));
    },
  );

  /**
   * One step of an inquiry's walk: POST /{ref}/{step}, answered 204 once done. The step itself is
   * a business function in a file of its own; the route says who may take it.
   */
  const step = <Body extends TSchema>(
    path: string,
    options: { summary: string; access: Ability; body?: Body },
    run: (caller: InquiryCaller, ref: string, body: Static<Body>) => Promise<unknown>,
  ) =>
    app.post(
      `/:ref/${path}`,
      {
        schema: {
          tags: ['inquiries'],
          summary: options.summary,
          params: RefParams,
          ...(options.body && { body: options.body }),
          response: Done,
        },
        config: { access: options.access },
      },
      async (request, reply) => {
        await run(callerOf(request), request.params.ref, request.body as Static<Body>);
        return reply.code(204).send(null);
      },
    );

  step(
    'answer-from-faq',
    {
      summary: 'Answer with an FAQ entry (records entry and version; closes the call unless keep_open)',
      access: 'inquiries.work',
      body: AnswerFromFaq,
    },
    (caller, ref, { entry_ref, note, keep_open }) =>
      answerFromFaq(app.db, caller, ref, {
        entryRef: entry_ref,
        ...(note !== undefined && { note }),
        ...(keep_open !== undefined && { keepOpen: keep_open }),
      }),
  );
  step(
    'escalate',
    { summary: 'Send to an expert team’s queue with a note', access: 'inquiries.work', body: Escalation },
    (caller, ref, body) => escalateInquiry(app.db, caller, ref, body),
  );
  step(
    'flags',
    {
      summary: 'Record a flag (coverage problem, referral to the moral-support line, …)',
      access: 'inquiries.work',
      body: NewFlag,
    },
    (caller, ref, { kind, note }) =>
      addFlag(app.db, caller, ref, { kind, ...(note !== undefined && { note }) }),
  );
  step(
    'close',
    { summary: 'Close the inquiry', access: 'inquiries.work', body: Closing },
    (caller, ref, body) => closeInquiry(app.db, caller, ref, body.note),
  );
  step(
    'answer',
    {
      summary: 'The expert’s answer, and how it reaches the person (callback, mail, letter)',
      access: 'inquiries.work',
      body: ExpertAnswer,
    },
    (caller, ref, body) => answerInquiry(app.db, caller, ref, body),
  );
  step(
    'claim',
    { summary: 'Take an inquiry from my team’s queue', access: 'inquiries.work' },
    (caller, ref) => claimInquiry(app.db, caller, ref),
  );

  app.post(
    '/:ref/messages',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Add to the thread (incoming, outgoing, internal note); refused on a closed inquiry',
        params: RefParams,
        body: NewMessage,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const { kind, body, via } = request.body;
      const id = await postMessage(app.db, callerOf(request), request.params.ref, {
        kind,
        body,
        ...(via && { via }),
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/:ref/partner-requests',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Ask a fund for information (the inquiry waits on the fund)',
        params: RefParams,
        body: PartnerQuestion,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const id = await askPartner(app.db, callerOf(request), request.params.ref, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/partner-requests',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Requests to funds (a fund sees only its own)',
        querystring: PartnerRequestQuery,
        response: {
          200: Type.Object({ items: Type.Array(PartnerRequestView), total: Type.Integer() }),
          ...errors,
        },
      },
      config: { access: 'inquiries.partner_requests.read' },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      return listPartnerRequests(app.db, callerOf(request), {
        ...(status && { status }),
        limit: limit ?? 50,
        offset: offset ?? 0,
      });
    },
  );

  app.post(
    '/partner-requests/:id/answer',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'The fund answers a request (the inquiry goes back to the expert)',
        params: IdParams,
        body: PartnerAnswer,
        response: Done,
      },
      config: { access: 'inquiries.partner_requests.answer' },
    },
    async (request, reply) => {
      await answerPartnerRequest(app.db, callerOf(request), request.params.id, request.body.answer);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/callbacks',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'The agents’ callback pool, most urgent first',
        querystring: CallbackQuery,
        response: { 200: Type.Object({ items: Type.Array(CallbackView), total: Type.Integer() }), ...errors },
      },
      config: { access: 'inquiries.callbacks' },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      return listCallbacks(app.db, { status: status ?? 'pending', limit: limit ?? 50, offset: offset ?? 0 });
    },
  );

  app.post(
    '/callbacks/:id/claim',
    {
      schema: { tags: ['inquiries'], summary: 'Take a callback', params: IdParams, response: Done },
      config: { access: 'inquiries.callbacks' },
    },
    async (request, reply) => {
      await claimCallback(app.db, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/callbacks/:id/attempts',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Record a callback’s outcome (reached, no answer, voicemail); retries are scheduled',
        params: IdParams,
        body: CallbackAttempt,
        response: { 200: Type.Object({ status: Type.String(), due_at: Type.String() }), ...errors },
      },
      config: { access: 'inquiries.callbacks' },
    },
    async (request) => {
      const { outcome, note } = request.body;
      return recordCallbackAttempt(app.db, callerOf(request), request.params.id, {
        outcome,
        ...(note !== undefined && { note }),
      });
    },
  );

  app.post(
    '/:ref/propose-faq',
    {
      schema: {
        tags: ['inquiries'],
        summary:
          'Propose the answer as an FAQ entry (a draft in the knowledge review flow, linked to the inquiry)',
        params: RefParams,
        body: FaqProposal,
        response: { 201: Type.Object({ entry_ref: Type.String() }), ...errors },
      },
      config: { access: 'inquiries.propose_faq' },
    },
    async (request, reply) => {
      const proposal = await proposeAsFaq(app.db, callerOf(request), request.params.ref, request.body);
      return reply.code(201).send(proposal);
    },
  );

  app.post(
    '/reassign',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Hand inquiries to a person and/or a team, all or none',
        body: Reassignment,
        response: { 200: Type.Object({ reassigned: Type.Integer() }), ...errors },
      },
      config: { access: 'inquiries.assign' },
    },
    async (request) => reassignInquiries(app.db, callerOf(request), request.body),
  );

  app.get(
    '/figures',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'How many inquiries came in over a period of Brussels days (30 days to today by default)',
        description: `By origin, channel, status now, language and team, and day by day; at most ${MAX_FIGURES_DAYS} days. With \`format=csv\` or \`format=xlsx\`, the days as a file (a day per row, by origin).`,
        querystring: FiguresQuery,
        response: { 200: InquiryFiguresView, ...errors },
      },
      config: { access: 'inquiries.figures' },
    },
    async (request, reply) => {
      const to = request.query.to ?? brusselsDay();
      const from = request.query.from ?? daysBefore(to, 29);
      const figures = await inquiryFigures(app.db, from, to);
      const { format } = request.query;
      return format ? sendTable(reply, format, figuresExport(figures, request.language)) : figures;
    },
  );

  app.get(
    '/similar',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Open inquiries that look like this question (to link them and answer once)',
        querystring: SimilarQuery,
        response: { 200: Type.Array(SimilarInquiry), ...errors },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => {
      const { question, theme, exclude, limit } = request.query;
      return findSimilarInquiries(app.db, callerOf(request), {
        question,
        ...(theme && { theme }),
        ...(exclude && { exclude }),
        limit: limit ?? 5,
      });
    },
  );

  app.post(
    '/:ref/link',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Link to the inquiry a team is answering: this one gets the same answer',
        params: RefParams,
        body: Link,
        response: { 200: Type.Object({ linked_to: Type.String() }), ...errors },
      },
      config: { access: 'inquiries.work' },
    },
    async (request) => linkInquiry(app.db, callerOf(request), request.params.ref, request.body.to),
  );

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
        response: { 201: Type.Object({ id: Type.String(), size_bytes: Type.Integer() }), ...errors },
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
        params: Type.Object({ ref: InquiryRef, id: Type.String({ format: 'uuid' }) }),
        response: { 200: nonJsonAnswer('the document as it was received', ['*/*']), ...errors },
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

  const RetentionRunView = Type.Object({
    id: Type.String(),
    cutoff: Type.String(),
    anonymised: Type.Integer(),
    started_at: Type.String(),
    finished_at: Type.String(),
  });

  app.get(
    '/retention-runs',
    {
      schema: {
        tags: ['inquiries'],
        summary:
          'What the retention job anonymised, run by run (closed inquiries older than the retention period)',
        response: {
          200: Type.Object({ retention_days: Type.Integer(), runs: Type.Array(RetentionRunView) }),
          ...errors,
        },
      },
      config: { access: 'inquiries.retention' },
    },
    async () => ({ retention_days: retentionDays, runs: await listRetentionRuns(app.db) }),
  );

  app.post(
    '/retention-runs',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Run the retention now (it also runs every day)',
        response: { 201: RetentionRunView, ...errors },
      },
      config: { access: 'inquiries.retention' },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await anonymiseClosedInquiries(app.db, request.actor, retentionCutoff(retentionDays))),
  );
};
