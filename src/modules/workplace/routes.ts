import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { brusselsDay } from '../../platform/db/time.js';
import { notFound } from '../../platform/errors.js';
import { sendTable } from '../../platform/exports/send.js';
import { nonJsonAnswer } from '../../platform/http/typed-answers.js';
import { problemResponses } from '../../platform/http/validation.js';
import { listBookings } from './booking-list.js';
import { type Booker, bookDesk, cancelBooking } from './bookings.js';
import { calendarOfToken, createCalendarFeed, revokeCalendarFeed } from './calendar-feed.js';
import { checkInAtDesk } from './check-in.js';
import { contactReport, contactReportExport } from './contact-report.js';
import {
  Booking,
  BookingList,
  BookingParams,
  BookingsQuery,
  CalendarFeed,
  CalendarFeedParams,
  ContactReport,
  ContactReportQuery,
  DeskCheckIn,
  DeskParams,
  DeskSettings,
  DeskUpdate,
  FloorParams,
  FloorPlan,
  FloorPlanQuery,
  NewBooking,
  NewRecurringBooking,
  OccupancyQuery,
  OccupancyReport,
  RecurringBookingReport,
  RuleBreakNotice,
  RuleBreakNoticeReport,
  SiteList,
  SiteParams,
  SiteRules,
  SiteRulesChange,
  ZoneChange,
  ZoneParams,
  ZoneUpdate,
} from './contract.js';
import { deskCheckIn } from './desk-check-in.js';
import { occupancyExport, siteOccupancy } from './occupancy.js';
import { listSitesWithFloors, readFloorPlan } from './places.js';
import { floorQrSheetPdf } from './qr-sheet.js';
import { bookEveryWeek } from './recurring-bookings.js';
import { RELEASE_JOB, releaseJobHandler, scheduleRelease } from './release-job.js';
import { changeDesk, changeZone, notifyRuleBreaks, replaceSiteRules } from './site-admin.js';

const errors = problemResponses(400, 401, 403, 404);
const tags = ['workplace'];

// Every route needs a login (config.access), so the identity is there.
const bookerOf = (request: FastifyRequest): Booker => ({
  id: request.identity!.id,
  roles: request.identity!.roles,
});

/** Sites, floor maps with the day's occupancy, and bookings: /api/v1/workplace. */
export const workplaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register(RELEASE_JOB, releaseJobHandler(app.db, app.identities));
  app.addHook('onListen', async () => {
    await scheduleRelease(app.db).catch((error) =>
      app.log.error({ err: error }, 'workplace: release of unclaimed desks not scheduled'),
    );
  });

  app.get(
    '/sites',
    {
      schema: { tags, response: { 200: SiteList, ...errors } },
      config: { access: 'workplace.book' },
    },
    async () => listSitesWithFloors(app.db),
  );

  app.get(
    '/floors/:floor',
    {
      schema: {
        tags,
        params: FloorParams,
        querystring: FloorPlanQuery,
        response: { 200: FloorPlan, ...errors },
      },
      config: { access: 'workplace.book' },
    },
    async (request) =>
      readFloorPlan(
        app.db,
        bookerOf(request).id,
        request.params.floor,
        request.query.date,
        request.query.slot ?? 'day',
      ),
  );

  app.post(
    '/bookings',
    {
      schema: {
        tags,
        body: NewBooking,
        response: { 201: Booking, ...errors, ...problemResponses(409) },
      },
      config: { access: 'workplace.book' },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await bookDesk(app.db, request.actor, bookerOf(request), request.body, brusselsDay())),
  );

  app.post(
    '/bookings/recurring',
    {
      schema: {
        tags,
        summary: 'Book a desk every week on the same day (each date checked by the rules)',
        body: NewRecurringBooking,
        response: { 200: RecurringBookingReport, ...errors },
      },
      config: { access: 'workplace.book' },
    },
    async (request) =>
      bookEveryWeek(app.db, request.actor, bookerOf(request), request.body, brusselsDay(), request.language),
  );

  app.get(
    '/bookings',
    {
      schema: { tags, querystring: BookingsQuery, response: { 200: BookingList, ...errors } },
      config: { access: 'workplace.book' },
    },
    async (request) => listBookings(app.db, bookerOf(request), request.query, brusselsDay()),
  );

  app.delete(
    '/bookings/:id',
    {
      schema: {
        tags,
        params: BookingParams,
        response: { 200: Booking, ...errors, ...problemResponses(409) },
      },
      config: { access: 'workplace.book' },
    },
    async (request) => cancelBooking(app.db, request.actor, bookerOf(request), request.params.id),
  );

  app.get(
    '/floors/:floor/qr-sheet.pdf',
    {
      schema: {
        tags,
        summary: "A floor's desk QR codes to print and stick on the desks (facility managers)",
        description:
          "An A4 PDF, twelve labels a page: each desk's QR code, which opens its check-in page, with the desk id, its zone and the instruction in French and Dutch.",
        params: FloorParams,
        response: {
          200: nonJsonAnswer('The sheet, one label per desk of the floor', ['application/pdf']),
          ...errors,
        },
      },
      config: { access: 'workplace.manage' },
    },
    async (request, reply) => {
      const { floor } = request.params;
      const pdf = await floorQrSheetPdf(app.db, floor, app.config.publicUrl, new Date());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="relais-qr-${floor}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf.content);
    },
  );

  app.get(
    '/desks/:desk/check-in',
    {
      schema: {
        tags,
        summary: "A desk's check-in page: where it is, and the caller's booking of it today",
        params: DeskParams,
        response: { 200: DeskCheckIn, ...errors },
      },
      config: { access: 'workplace.book' },
    },
    async (request) => deskCheckIn(app.db, bookerOf(request).id, request.params.desk, brusselsDay()),
  );

  app.post(
    '/desks/:desk/check-in',
    {
      schema: {
        tags,
        summary: "Check in at a desk (its QR code): the caller's booking of it today",
        params: DeskParams,
        response: { 200: Booking, ...errors },
      },
      config: { access: 'workplace.book' },
    },
    async (request) =>
      checkInAtDesk(app.db, request.actor, bookerOf(request), request.params.desk, brusselsDay()),
  );

  app.get(
    '/contact-report',
    {
      schema: {
        tags,
        summary: 'Who sat near a person over a period (facility, HR, admin; audited with its reason)',
        description:
          'The people booked on the same floor, the same days in overlapping slots, within `distance` metres of the person (default 2) or in the same zone. With `format=csv` or `format=xlsx`, the report as a file to download.',
        querystring: ContactReportQuery,
        response: { 200: ContactReport, ...errors },
      },
      config: { access: 'workplace.contact_report' },
    },
    async (request, reply) => {
      const report = await contactReport(app.db, request.actor, request.query);
      const { format } = request.query;
      return format ? sendTable(reply, format, contactReportExport(report, request.language)) : report;
    },
  );

  app.get(
    '/occupancy',
    {
      schema: {
        tags,
        summary: "A site's occupancy per site, floor and zone, per open day and ISO week (facility managers)",
        description:
          'Bookings, check-ins, no-shows, the people present at once in the fuller half-day, and occupancy against capacity. With `format=csv` or `format=xlsx`, the figures as a file to download.',
        querystring: OccupancyQuery,
        response: { 200: OccupancyReport, ...errors },
      },
      config: { access: 'workplace.manage' },
    },
    async (request, reply) => {
      const report = await siteOccupancy(app.db, request.query);
      const { format } = request.query;
      return format ? sendTable(reply, format, occupancyExport(report, request.language)) : report;
    },
  );

  app.put(
    '/sites/:site/rules',
    {
      schema: {
        tags,
        summary:
          "Replace a site's booking rules (facility managers); lists the bookings they would now refuse",
        params: SiteParams,
        body: SiteRules,
        response: { 200: SiteRulesChange, ...errors },
      },
      config: { access: 'workplace.manage' },
    },
    async (request) =>
      replaceSiteRules(
        app.db,
        request.actor,
        request.params.site,
        request.body,
        brusselsDay(),
        request.language,
      ),
  );

  app.post(
    '/sites/:site/rule-breaks/notify',
    {
      schema: {
        tags,
        summary:
          'Tell the people of bookings the rules now refuse (facility managers): one mail each, in their language',
        description:
          "`bookings` are ids from the rule change's `conflicts`. Each is checked again against the site's rules: one no longer refused is left out (`notBroken`).",
        params: SiteParams,
        body: RuleBreakNotice,
        response: { 200: RuleBreakNoticeReport, ...errors },
      },
      config: { access: 'workplace.manage' },
    },
    async (request) =>
      notifyRuleBreaks(
        app.db,
        app.identities,
        request.actor,
        request.params.site,
        request.body.bookings,
        brusselsDay(),
      ),
  );

  app.post(
    '/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Get a private iCalendar URL of my bookings (replaces the one I had)',
        description:
          'The URL carries a secret token: whoever has it reads your bookings, until you revoke it or ask for a new one. Only its hash is kept, so it is shown once.',
        response: { 200: CalendarFeed, ...errors },
      },
      config: { access: 'workplace.book' },
    },
    async (request) => createCalendarFeed(app.db, request.actor, request.identity!.id, app.config.publicUrl),
  );

  app.delete(
    '/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Revoke my calendar URL: it answers 404 from now on',
        response: { 204: Type.Null({ description: 'Revoked' }), ...errors },
      },
      config: { access: 'workplace.book' },
    },
    async (request, reply) => {
      await revokeCalendarFeed(app.db, request.actor, request.identity!.id);
      return reply.code(204).send(null);
    },
  );

  // The token is the credential (calendar clients send no login): the person's bookings as iCalendar.
  app.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        summary:
          "A person's desk bookings as iCalendar (the secret URL from POST /api/v1/workplace/calendar-feed)",
        params: CalendarFeedParams,
        response: {
          200: nonJsonAnswer('The bookings, cancelled ones marked so (RFC 5545)', ['text/calendar']),
          ...problemResponses(400, 404),
        },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const token = request.params.file.slice(0, -'.ics'.length);
      const calendar = await calendarOfToken(app.db, app.identities, token, brusselsDay());
      if (calendar === undefined) throw notFound('workplace.calendar_feed_not_found', {});
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(calendar);
    },
  );

  app.patch(
    '/desks/:desk',
    {
      schema: {
        tags,
        summary: 'Block or unblock a desk, with a reason, or change its features (facility managers)',
        params: DeskParams,
        body: DeskUpdate,
        response: { 200: DeskSettings, ...errors },
      },
      config: { access: 'workplace.manage' },
    },
    async (request) => changeDesk(app.db, request.actor, request.params.desk, request.body),
  );

  app.patch(
    '/zones/:zone',
    {
      schema: {
        tags,
        summary:
          'Rename a zone or give it a capacity of its own (facility managers); lists the bookings it would now refuse',
        description:
          "`capacity`, a number of people or a percentage of the zone's desks, overrides the site's `zoneCapacity`; null gives the zone back the site's rule. The `conflicts` are the zone's bookings from today on that the new capacity refuses: their ids go to POST /api/v1/workplace/sites/{site}/rule-breaks/notify.",
        params: ZoneParams,
        body: ZoneUpdate,
        response: { 200: ZoneChange, ...errors },
      },
      config: { access: 'workplace.manage' },
    },
    async (request) =>
      changeZone(app.db, request.actor, request.params.zone, request.body, brusselsDay(), request.language),
  );
};
