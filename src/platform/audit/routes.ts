import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { brusselsDay } from '../db/time.js';
import { sendTable } from '../exports/send.js';
import type { ExportColumn } from '../exports/table.js';
import { problemResponses } from '../http/validation.js';
import { type Language, translate } from '../i18n/i18n.js';
import { allAuditEntries, searchAudit, writeAudit } from './audit.js';
import { withPeopleNamed } from './audit-people.js';
import { type AuditEntry, AuditListSchema, AuditQuery } from './contract.js';

/** The audit log, searchable by admins. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        description:
          'A page of JSON; with `format=csv` or `format=xlsx`, every matching entry as a file (the download is audited).',
        querystring: AuditQuery,
        response: { 200: AuditListSchema, ...problemResponses(400, 401, 403) },
      },
      config: { access: 'audit.read' },
    },
    async (request, reply) => {
      const { format, limit = 50, offset = 0, ...filters } = request.query;
      if (!format) {
        const page = await searchAudit(app.db, { ...filters, limit, offset });
        const nameOf = async (id: string) => (await app.identities.findById(app.db, id))?.name;
        return { ...page, items: await withPeopleNamed(page.items, nameOf) };
      }
      // Who took a copy of the log, and of which part, is itself in the log.
      await writeAudit(app.db, request.actor, {
        action: 'audit.exported',
        objectType: 'audit_log',
        summary: { format, filters },
      });
      return sendTable(reply, format, {
        name: `relais-audit-${brusselsDay()}`,
        sheet: translate(request.language, 'web.areas.audit.title'),
        columns: auditColumns(request.language),
        rows: allAuditEntries(app.db, filters),
      });
    },
  );
};

/** The columns of an audit download, headed in the reader's language. */
function auditColumns(language: Language): ExportColumn<AuditEntry>[] {
  const t = (key: string) => translate(language, `web.audit.${key}`);
  return [
    { header: t('at'), kind: 'instant', width: 18, value: (e) => e.at },
    { header: t('actor'), width: 18, value: (e) => e.actorUsername },
    { header: t('action'), width: 34, value: (e) => e.action },
    { header: t('object_type'), width: 16, value: (e) => e.objectType },
    { header: t('object_id'), width: 38, value: (e) => e.objectId },
    { header: t('summary'), width: 60, value: (e) => JSON.stringify(e.summary) },
    { header: t('ip'), width: 16, value: (e) => e.ip },
    { header: t('request_id'), width: 20, value: (e) => e.requestId },
  ];
}
