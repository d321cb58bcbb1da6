/** GET /leaderboard/, GET /quests/{id}/leaderboard */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const leaderboardRoutes = () =>
  createRouter().openapi(routes.overall, handlers.overall).openapi(routes.perQuest, handlers.perQuest);
