import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendTable } from '../../platform/exports/send.js';
import { problemResponses } from '../../platform/http/validation.js';
import {
  createAllowanceRate,
  endAllowanceRate,
  listAllowanceRates,
  monthlyPayroll,
  payrollExport,
  updateAllowanceRate,
} from './allowances.js';
import {
  AllowanceRate,
  AllowanceRateInput,
  AllowanceRateList,
  AllowanceRateParams,
  CrisisMeasureInput,
  CrisisMeasureParams,
  CrisisMeasureView,
  CrisisMeasureViewList,
  Payroll,
  PayrollQuery,
  PeriodEnding,
} from './contract.js';
import {
  createCrisisMeasure,
  endCrisisMeasure,
  listCrisisMeasures,
  updateCrisisMeasure,
} from './crisis-measures.js';

const reads = problemResponses(400, 401, 403, 404);
const writes = problemResponses(400, 401, 403, 404, 409);
const tags = ['telework'];

/** Allowance rates and the monthly payroll list (HR), crisis measures (HR writes, everyone reads). */
export const allowanceAndCrisisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/allowances/rates',
    {
      schema: {
        tags,
        summary: 'The monthly telework allowance rates, by kind, the latest first (HR)',
        response: { 200: AllowanceRateList, ...reads },
      },
      config: { access: 'telework.manage' },
    },
    async () => ({ items: await listAllowanceRates(app.db) }),
  );

  app.post(
    '/allowances/rates',
    {
      schema: {
        tags,
        summary: 'Add an allowance rate for a period (HR)',
        description:
          'Amounts in euro cents. Two rates of one kind may not overlap in time; `fullDays` is required with `proration: days` and refused otherwise.',
        body: AllowanceRateInput,
        response: { 201: AllowanceRate, ...writes },
      },
      config: { access: 'telework.manage' },
    },
    async (request, reply) =>
      reply.code(201).send(await createAllowanceRate(app.db, request.actor, request.body)),
  );

  app.put(
    '/allowances/rates/:rate',
    {
      schema: {
        tags,
        summary: 'Change an allowance rate as a whole (HR)',
        params: AllowanceRateParams,
        body: AllowanceRateInput,
        response: { 200: AllowanceRate, ...writes },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => updateAllowanceRate(app.db, request.actor, request.params.rate, request.body),
  );

  app.post(
    '/allowances/rates/:rate/end',
    {
      schema: {
        tags,
        summary: 'End an allowance rate on its last day (HR)',
        params: AllowanceRateParams,
        body: PeriodEnding,
        response: { 200: AllowanceRate, ...writes },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => endAllowanceRate(app.db, request.actor, request.params.rate, request.body.endDate),
  );

  app.get(
    '/allowances/payroll',
    {
      schema: {
        tags,
        summary: 'Who is entitled to which telework allowance for a month, and the total (HR, for payroll)',
        description:
          'One line per person with an approved agreement in force that month, sorted by name. With `format=csv` or `format=xlsx`, a file whose last row is the total. Reading it is audited.',
        querystring: PayrollQuery,
        response: { 200: Payroll, ...reads },
      },
      config: { access: 'telework.manage' },
    },
    async (request, reply) => {
      const { month, format, lang } = request.query;
      const { payroll } = await monthlyPayroll(app.db, request.actor, month, format ?? 'json');
      return format ? sendTable(reply, format, payrollExport(payroll, lang ?? request.language)) : payroll;
    },
  );

  app.get(
    '/crisis-measures',
    {
      schema: {
        tags,
        summary:
          'The crisis measures, the latest first (every member of staff: screens show the one in force)',
        response: { 200: CrisisMeasureViewList, ...reads },
      },
      config: { access: 'telework.use' },
    },
    async () => ({ items: await listCrisisMeasures(app.db) }),
  );

  app.post(
    '/crisis-measures',
    {
      schema: {
        tags,
        summary: 'Declare a crisis measure: telework mandatory, or the weekly cap relaxed, for a period (HR)',
        body: CrisisMeasureInput,
        response: { 201: CrisisMeasureView, ...writes },
      },
      config: { access: 'telework.manage' },
    },
    async (request, reply) =>
      reply.code(201).send(await createCrisisMeasure(app.db, request.actor, request.body)),
  );

  app.put(
    '/crisis-measures/:measure',
    {
      schema: {
        tags,
        summary: 'Change a crisis measure as a whole (HR)',
        params: CrisisMeasureParams,
        body: CrisisMeasureInput,
        response: { 200: CrisisMeasureView, ...writes },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => updateCrisisMeasure(app.db, request.actor, request.params.measure, request.body),
  );

  app.post(
    '/crisis-measures/:measure/end',
    {
      schema: {
        tags,
        summary: 'End a crisis measure on its last day (HR)',
        params: CrisisMeasureParams,
        body: PeriodEnding,
        response: { 200: CrisisMeasureView, ...writes },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => endCrisisMeasure(app.db, request.actor, request.params.measure, request.body.endDate),
  );
};
