import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../platform/http/validation.js';
import {
  MyProfile,
  Profile,
  ProfileInput,
  ProfileList,
  ProfileParams,
  TypePolicy,
  TypePolicyInput,
  TypePolicyList,
  TypePolicyParams,
} from './contract/request-contract.js';
import {
  deleteProfile,
  listPolicies,
  listProfiles,
  myProfile,
  savePolicy,
  saveProfile,
} from './profile-service.js';

const errors = problemResponses(400, 401, 403, 404);
const tags = ['equipment'];

/** Equipment profiles per function and the per-type policies; mounted at /api/v1/equipment. */
export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/my-profile',
    {
      schema: {
        tags,
        summary: 'What the caller may ask for: their function’s profile and each type’s contribution cap',
        response: { 200: MyProfile, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => myProfile(app.db, request.identity!.id),
  );

  app.get(
    '/profiles',
    {
      schema: {
        tags,
        summary: 'The equipment profiles with their functions and items, and every function (ICT)',
        response: { 200: ProfileList, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async () => listProfiles(app.db),
  );

  app.post(
    '/profiles',
    {
      schema: {
        tags,
        summary: 'Create a profile: names (FR/NL/EN), the functions that get it, its items (ICT)',
        description:
          'Items are `default` (in a new colleague’s kit) or `on_request`. A function given here leaves the profile it had.',
        body: ProfileInput,
        response: { 201: Profile, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) =>
      reply.code(201).send(await saveProfile(app.db, request.actor, null, request.body)),
  );

  app.put(
    '/profiles/:profile',
    {
      schema: {
        tags,
        summary: 'Replace a profile’s names, functions and items (ICT)',
        params: ProfileParams,
        body: ProfileInput,
        response: { 200: Profile, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => saveProfile(app.db, request.actor, request.params.profile, request.body),
  );

  app.delete(
    '/profiles/:profile',
    {
      schema: {
        tags,
        summary: 'Delete a profile (its functions then have none) (ICT)',
        params: ProfileParams,
        response: { 204: Type.Null(), ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) => {
      await deleteProfile(app.db, request.actor, request.params.profile);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/policies',
    {
      schema: {
        tags,
        summary: 'Each type’s policy: manager approval, contribution cap and period, low-stock threshold',
        response: { 200: TypePolicyList, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async () => ({ items: await listPolicies(app.db) }),
  );

  app.put(
    '/policies/:type',
    {
      schema: {
        tags,
        summary: 'Set a type’s policy (ICT)',
        description:
          'Manager approval is off by default (as in a crisis). A contribution needs both its cap (cents) and its period (months).',
        params: TypePolicyParams,
        body: TypePolicyInput,
        response: { 200: TypePolicy, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => savePolicy(app.db, request.actor, request.params.type, request.body),
  );
};
