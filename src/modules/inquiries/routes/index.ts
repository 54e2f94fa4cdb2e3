import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerRoutes } from './answer.js';
import { attachmentRoutes } from './attachments.js';
import { callbackRoutes } from './callbacks.js';
import { figureRoutes } from './figures.js';
import { inquiriesRoutes } from './inquiries.js';
import { liveNoticeRoutes } from './live-notices.js';
import { partnerRequestRoutes } from './partner-requests.js';
import { retentionRoutes } from './retention.js';
import { teamRoutes } from './teams.js';
import { workRoutes } from './work.js';

/** Inquiries: questions from every channel, their thread, escalation and answer. */
export const inquiryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(inquiriesRoutes);
  await app.register(teamRoutes);
  await app.register(workRoutes);
  await app.register(answerRoutes);
  await app.register(partnerRequestRoutes);
  await app.register(callbackRoutes);
  await app.register(figureRoutes);
  await app.register(attachmentRoutes);
  await app.register(retentionRoutes);
  await app.register(liveNoticeRoutes);
};
