/** GET /quests/, /quests/{id}, /quests/{id}/dataset, /quests/{id}/notebook */
import fs from 'node:fs';
import path from 'node:path';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { QuestDetail, QuestSummary } from '../../shared/api';
import { currentUser, optionalUser } from '../auth/current-user';
import { questListJson } from '../game/quest-list-cache';
import { listQuestSummaries, questDetail, requireActiveQuest } from '../game/quest-views';
import { notFound } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { errors, jsonContent, QuestIdParam } from './openapi-helpers';

const list = createRoute({
  method: 'get',
  path: '/quests',
  tags: ['catalog'],
  summary: 'Every quest, with the caller\'s status, best score, attempts and submissions left today',
  middleware: [optionalUser] as const,
  responses: { 200: jsonContent(z.array(QuestSummary), 'Quests in course order.'), 401: errors[401] }
});

const detail = createRoute({
  method: 'get',
  path: '/quests/{id}',
  tags: ['catalog'],
  summary: 'One quest, with its dataset\'s features, target and classes',
  middleware: [optionalUser] as const,
  request: { params: QuestIdParam },
  responses: { 200: jsonContent(QuestDetail, 'The quest.'), 400: errors[400], 401: errors[401], 404: errors[404] }
});

const dataset = createRoute({
  method: 'get',
  path: '/quests/{id}/dataset',
  tags: ['catalog'],
  summary: 'The train split as CSV (the test split is never served); no sign-in needed',
  request: { params: QuestIdParam },
  responses: { 200: { description: 'CSV with a header row.', content: { 'text/csv': { schema: z.string() } } }, 400: errors[400], 404: errors[404] }
});

const notebook = createRoute({
  method: 'get',
  path: '/quests/{id}/notebook',
  tags: ['catalog'],
  summary: 'The quest\'s starter notebook',
  request: { params: QuestIdParam },
  responses: { 200: { description: 'A Jupyter notebook.', content: { 'application/x-ipynb+json': { schema: z.object({}).passthrough() } } }, 400: errors[400], 404: errors[404] }
});

export function registerQuestRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, (c) => {
    const { db, now } = c.get('deps');
    const user = currentUser(c);
    if (!user) return c.json(listQuestSummaries(db, undefined, now()), 200);
    // The same JSON as c.json(listQuestSummaries(...)), cached between database changes.
    return c.body(questListJson(db, user, now()), 200, { 'Content-Type': 'application/json' }) as never;
  });

  app.openapi(detail, (c) => {
    const { db, catalog, now } = c.get('deps');
    return c.json(questDetail(db, catalog, currentUser(c), c.req.valid('param').id, now()), 200);
  });

  app.openapi(dataset, (c) => {
    const { db, catalog } = c.get('deps');
    const q = requireActiveQuest(db, c.req.valid('param').id);
    const ds = catalog.datasets.get(q.dataset);
    if (!ds) throw notFound(`The dataset of quest ${q.id} is not in the loaded quest pack.`, 'dataset_not_found');
    return c.body(fs.readFileSync(ds.train.csvPath), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `inline; filename="${q.slug}-train.csv"`
    });
  });

  app.openapi(notebook, (c) => {
    const { db, config } = c.get('deps');
    const q = requireActiveQuest(db, c.req.valid('param').id);
    if (!q.notebook) throw notFound(`Quest ${q.id} has no starter notebook.`, 'notebook_not_found');
    const file = path.join(config.notebooksDir, path.basename(q.notebook));
    if (!fs.existsSync(file)) throw notFound(`The starter notebook "${q.notebook}" of quest ${q.id} is missing on the server; tell the instructor.`, 'notebook_not_found');
    return c.body(fs.readFileSync(file), 200, {
      'Content-Type': 'application/x-ipynb+json',
      'Content-Disposition': `attachment; filename="${path.basename(q.notebook)}"`
    }) as never; // raw notebook bytes; the typed-JSON response check does not apply
  });
}
