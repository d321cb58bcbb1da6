/** GET /quests/, /quests/{id}, /quests/{id}/dataset, /quests/{id}/notebook */
import { createRoute, z } from '@hono/zod-openapi';
import { QuestDetail, QuestSummary } from '../../../shared/api';
import { optionalUser } from '../../http/current-user';
import { errors, jsonContent, QuestIdParam } from '../../http/openapi-helpers';

export const list = createRoute({
  method: 'get',
  path: '/quests',
  tags: ['catalog'],
  summary: "Every quest, with the caller's status, best score, attempts and submissions left today",
  middleware: [optionalUser] as const,
  responses: { 200: jsonContent(z.array(QuestSummary), 'Quests in course order.'), 401: errors[401] }
});

export const detail = createRoute({
  method: 'get',
  path: '/quests/{id}',
  tags: ['catalog'],
  summary: "One quest, with its dataset's features, target and classes",
  middleware: [optionalUser] as const,
  request: { params: QuestIdParam },
  responses: { 200: jsonContent(QuestDetail, 'The quest.'), 400: errors[400], 401: errors[401], 404: errors[404] }
});

export const dataset = createRoute({
  method: 'get',
  path: '/quests/{id}/dataset',
  tags: ['catalog'],
  summary: 'The train split as CSV (the test split is never served); no sign-in needed',
  request: { params: QuestIdParam },
  responses: {
    200: { description: 'CSV with a header row.', content: { 'text/csv': { schema: z.string() } } },
    400: errors[400],
    404: errors[404]
  }
});

export const notebook = createRoute({
  method: 'get',
  path: '/quests/{id}/notebook',
  tags: ['catalog'],
  summary: "The quest's starter notebook",
  request: { params: QuestIdParam },
  responses: {
    200: {
      description: 'A Jupyter notebook.',
      content: { 'application/x-ipynb+json': { schema: z.object({}).passthrough() } }
    },
    400: errors[400],
    404: errors[404]
  }
});
