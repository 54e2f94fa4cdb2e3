import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendTable } from '../../platform/exports/send.js';
import { nonJsonAnswer } from '../../platform/http/typed-answers.js';
import { problemResponses } from '../../platform/http/validation.js';
import { importAssets } from './asset-import.js';
import { assetsExport, changeAsset, listAssets, readAsset, registerAsset } from './assets.js';
import {
  Asset,
  AssetChange,
  AssetDetail,
  AssetImportBody,
  AssetImportResult,
  AssetInput,
  AssetLabelQuery,
  AssetList,
  AssetParams,
  AssetQuery,
} from './contract/asset-contract.js';
import { assetLabelsPdf } from './label-sheet.js';

const reads = problemResponses(400, 401, 403, 404);
const writes = problemResponses(400, 401, 403, 404, 409);
const tags = ['equipment'];

/** The assets: search, history, registering and changing, import and labels (ICT). */
export const assetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/assets',
    {
      schema: {
        tags,
        summary: 'Search the assets by tag, serial, model, holder, type and status (ICT)',
        description:
          '`q` matches the start of a tag, serial or model (any case) or part of the holder’s name or username. In tag order. With `format=csv` or `format=xlsx`, every asset of the filter as a file.',
        querystring: AssetQuery,
        response: { 200: AssetList, ...reads },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) => {
      const { limit = 50, offset = 0, format, lang, ...filter } = request.query;
      if (format)
        return sendTable(
          reply,
          format,
          await assetsExport(app.db, request.actor, filter, lang ?? request.language),
        );
      return listAssets(app.db, filter, { limit, offset });
    },
  );

  app.get(
    '/assets/labels.pdf',
    {
      schema: {
        tags,
        summary: 'Printable labels of the assets a filter selects, with a QR code of each asset’s page (ICT)',
        description: 'An A4 PDF, 24 labels a page: QR code, tag, type and model. The filter is the list’s.',
        querystring: AssetLabelQuery,
        response: { 200: nonJsonAnswer('The label sheet', ['application/pdf']), ...reads },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) => {
      const pdf = await assetLabelsPdf(app.db, request.query, {
        publicUrl: app.config.publicUrl,
        language: request.language,
        now: new Date(),
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'inline; filename="relais-asset-labels.pdf"')
        .header('cache-control', 'private, no-store')
        .send(pdf.content);
    },
  );

  app.post(
    '/assets/import',
    {
      schema: {
        tags,
        summary: 'Register the units of a CSV file, all or nothing (ICT)',
        description:
          'Header `asset_tag,type,model,serial,status,site`; an empty status means `in_stock`. Every bad line is listed (`line.7.serial`) and nothing is written; a tag or serial already registered is an error on its line.',
        body: AssetImportBody,
        response: { 201: AssetImportResult, ...writes },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) =>
      reply.code(201).send(await importAssets(app.db, request.actor, request.body.csv)),
  );

  app.get(
    '/assets/:tag',
    {
      schema: {
        tags,
        summary: 'An asset with every move of its history, the people named (ICT)',
        params: AssetParams,
        response: { 200: AssetDetail, ...reads },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => readAsset(app.db, request.actor, request.params.tag),
  );

  app.post(
    '/assets',
    {
      schema: {
        tags,
        summary: 'Register a unit (ICT)',
        description:
          'In a stock room by default; on a desk when `desk` is named (with its `site`). A serial already registered is refused naming `serial`.',
        body: AssetInput,
        response: { 201: Asset, ...writes },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) => reply.code(201).send(await registerAsset(app.db, request.actor, request.body)),
  );

  app.patch(
    '/assets/:tag',
    {
      schema: {
        tags,
        summary:
          'Change a unit’s model, serial, site, desk or status (ICT): each change is a move in its history',
        description:
          '`status`: `in_stock` (back in a stock room, nobody holds it), `assigned` (on a `desk`), `in_repair`, `retired` (for good). A unit reserved for a request or on its way is moved by the request’s steps only (409).',
        params: AssetParams,
        body: AssetChange,
        response: { 200: Asset, ...writes },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => changeAsset(app.db, request.actor, request.params.tag, request.body),
  );
};
