/** GET /leaderboard/, GET /quests/{id}/leaderboard */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { Leaderboard, Pagination, QuestLeaderboard } from '../../shared/api';
import { currentUser, optionalUser } from '../auth/current-user';
import { leaderboard, questLeaderboard } from '../game/leaderboard';
import type { AppEnv } from '../http/app-env';
import { errors, jsonContent, QuestIdParam } from './openapi-helpers';

const overall = createRoute({
  method: 'get',
  path: '/leaderboard',
  tags: ['game'],
  summary: 'Players by XP, then quests completed, then who reached that XP first; with the caller\'s row',
  middleware: [optionalUser] as const,
  request: { query: Pagination.strict() },
  responses: { 200: jsonContent(Leaderboard, 'One page of the leaderboard.'), 400: errors[400], 401: errors[401] }
});

const perQuest = createRoute({
  method: 'get',
  path: '/quests/{id}/leaderboard',
  tags: ['game'],
  summary: 'Each player\'s best score on one quest, in the metric\'s direction',
  middleware: [optionalUser] as const,
  request: { params: QuestIdParam, query: Pagination.strict() },
  responses: { 200: jsonContent(QuestLeaderboard, 'One page of the quest leaderboard.'), 400: errors[400], 401: errors[401], 404: errors[404] }
});

export function registerLeaderboardRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(overall, (c) => {
    const { db, now } = c.get('deps');
    const { limit, offset } = c.req.valid('query');
    return c.json(leaderboard(db, currentUser(c)?.id ?? null, limit, offset, now()), 200);
  });
  app.openapi(perQuest, (c) => {
    const { db } = c.get('deps');
    const { limit, offset } = c.req.valid('query');
    return c.json(questLeaderboard(db, c.req.valid('param').id, currentUser(c)?.id ?? null, limit, offset), 200);
  });
}
