/** GET /leaderboard/, GET /quests/{id}/leaderboard */
import { createRoute } from '@hono/zod-openapi';
import { Leaderboard, Pagination, QuestLeaderboard } from '../../../shared/api';
import { optionalUser } from '../../http/current-user';
import { errors, jsonContent, QuestIdParam } from '../../http/openapi-helpers';

export const overall = createRoute({
  method: 'get',
  path: '/leaderboard',
  tags: ['game'],
  summary: "Players by XP, then quests completed, then who reached that XP first; with the caller's row",
  middleware: [optionalUser] as const,
  request: { query: Pagination.strict() },
  responses: { 200: jsonContent(Leaderboard, 'One page of the leaderboard.'), 400: errors[400], 401: errors[401] }
});

export const perQuest = createRoute({
  method: 'get',
  path: '/quests/{id}/leaderboard',
  tags: ['game'],
  summary: "Each player's best score on one quest, in the metric's direction",
  middleware: [optionalUser] as const,
  request: { params: QuestIdParam, query: Pagination.strict() },
  responses: {
    200: jsonContent(QuestLeaderboard, 'One page of the quest leaderboard.'),
    400: errors[400],
    401: errors[401],
    404: errors[404]
  }
});
