import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { brusselsDay } from '../../platform/db/time.js';
import { sendTable } from '../../platform/exports/send.js';
import { problemResponses } from '../../platform/http/validation.js';
import {
  PersonParams,
  PresencePlan,
  PresenceTeamQuery,
  PresenceTeamWeek,
  PresenceWeek,
  PresenceWeekQuery,
} from './contract.js';
import { personWeek, saveWeek } from './presence.js';
import type { Db } from './presence-repository.js';
import { reportWeek, teamWeek, teamWeekExport, type Viewer } from './presence-team.js';

const errors = problemResponses(400, 401, 403, 404);
const tags = ['telework'];
const viewerOf = (request: FastifyRequest): Viewer => ({
  id: request.identity!.id,
  roles: request.identity!.roles,
});

/** The weekly presence plan (issue 14, point 2), under /api/v1/telework/presence. */
export const presenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.db as Db;

  app.get(
    '/presence/week',
    {
      schema: {
        tags,
        summary:
          'My week: each half day at the office, in telework, on leave or on a mission, with desks and warnings',
        description:
          'Days not saved are pre-filled from the agreement in force and the crisis measures (`source`). Warnings, in the caller’s language, are advice: telework above the agreement’s days or the month’s, without an agreement, or at the office during a mandatory measure.',
        querystring: PresenceWeekQuery,
        response: { 200: PresenceWeek, ...errors },
      },
      config: { access: 'telework.use' },
    },
    async (request) =>
      personWeek(db, request.identity!.id, request.query.week, brusselsDay(), request.language),
  );

  app.put(
    '/presence/week',
    {
      schema: {
        tags,
        summary:
          'Save my week whole (Monday to Friday), booking the desks asked for on office days in the same step',
        description:
          'All or nothing: when the workplace refuses a desk (too close, zone full, desk taken…), nothing is saved and the problem names the day (`days.N.desk`). A desk the plan no longer needs is cancelled.',
        body: PresencePlan,
        response: { 200: PresenceWeek, ...errors, ...problemResponses(409) },
      },
      config: { access: 'telework.use' },
    },
    async (request) =>
      saveWeek(db, request.actor, request.identity!.id, request.body, brusselsDay(), request.language),
  );

  app.get(
    '/presence/people/:person/week',
    {
      schema: {
        tags,
        summary: "A report's week, for their manager (HR and admins: anyone's); the read is audited",
        params: PersonParams,
        querystring: PresenceWeekQuery,
        response: { 200: PresenceWeek, ...errors },
      },
      config: { access: 'telework.team' },
    },
    async (request) =>
      reportWeek(
        db,
        request.actor,
        viewerOf(request),
        request.params.person,
        request.query.week,
        brusselsDay(),
        request.language,
      ),
  );

  app.get(
    '/presence/team',
    {
      schema: {
        tags,
        summary: "The team's week: who is where each half day and the share at the office per day",
        description:
          'A manager’s direct reports; HR and admins may name an organisation unit (`unit`). With `format=csv` or `format=xlsx`, the week as a file to download. The read is audited.',
        querystring: PresenceTeamQuery,
        response: { 200: PresenceTeamWeek, ...errors },
      },
      config: { access: 'telework.team' },
    },
    async (request, reply) => {
      const team = await teamWeek(db, request.actor, viewerOf(request), request.query, brusselsDay());
      const { format, lang } = request.query;
      return format ? sendTable(reply, format, teamWeekExport(team, lang ?? request.language)) : team;
    },
  );
};
