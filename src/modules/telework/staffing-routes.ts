import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../platform/http/validation.js';
import { staffCardsOf } from '../directory/index.js';
import { forOtherModules } from './agreement-repository.js';
import {
  Eligibility,
  PersonParams,
  Policy,
  StaffProfile,
  TeleworkFunction,
  TeleworkFunctionList,
} from './contract.js';
import {
  functionsList,
  getPolicy,
  getProfile,
  putFunction,
  putProfile,
  setPolicy,
  termsOf,
} from './staffing.js';

const errors = problemResponses(400, 401, 403, 404);
const tags = ['telework'];

/** The rules telework is decided by: policy, functions, each person's profile and eligibility. */
export const staffingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/eligibility',
    {
      schema: {
        tags,
        summary: 'Whether I may telework and within which caps (the request form reads it first)',
        response: { 200: Eligibility, ...errors },
      },
      config: { access: 'telework.use' },
    },
    async (request) => (await termsOf(app.db, request.identity!.id, request.language)).eligibility,
  );

  app.get(
    '/policy',
    {
      schema: {
        tags,
        summary: 'The institution’s telework caps and whether HR approves',
        response: { 200: Policy, ...errors },
      },
      config: { access: 'telework.use' },
    },
    async () => getPolicy(app.db),
  );

  app.put(
    '/policy',
    {
      schema: {
        tags,
        summary: 'Set the caps for a full-time job and whether HR approves after the manager (HR)',
        body: Policy,
        response: { 200: Policy, ...errors },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => setPolicy(app.db, request.actor, request.body),
  );

  app.get(
    '/functions',
    {
      schema: {
        tags,
        summary: 'The functions, and whether each can be done from home',
        response: { 200: TeleworkFunctionList, ...errors },
      },
      config: { access: 'telework.team' },
    },
    async () => ({ items: await functionsList(app.db) }),
  );

  app.put(
    '/functions/:code',
    {
      schema: {
        tags,
        summary: 'Add a function or change whether it can be done from home (HR)',
        params: Type.Object({ code: TeleworkFunction.properties.code }),
        body: TeleworkFunction,
        response: { 200: TeleworkFunction, ...errors },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => putFunction(app.db, request.actor, { ...request.body, code: request.params.code }),
  );

  app.get(
    '/profiles/:person',
    {
      schema: {
        tags,
        summary: 'A person’s function and occupation (HR)',
        params: PersonParams,
        response: { 200: StaffProfile, ...errors },
      },
      config: { access: 'telework.manage' },
    },
    async (request) => getProfile(app.db, request.params.person),
  );

  app.put(
    '/profiles/:person',
    {
      schema: {
        tags,
        summary: 'Record a person’s function and occupation, from which eligibility and caps follow (HR)',
        params: PersonParams,
        body: StaffProfile,
        response: { 200: StaffProfile, ...errors },
      },
      config: { access: 'telework.manage' },
    },
    async (request) =>
      putProfile(app.db, request.actor, request.params.person, request.body, async (id) =>
        (await staffCardsOf(forOtherModules(app.db), [id])).has(id),
      ),
  );
};
