/** GET /quests/, /quests/{id}, /quests/{id}/dataset, /quests/{id}/notebook */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const questRoutes = () =>
  createRouter()
    .openapi(routes.list, handlers.list)
    .openapi(routes.detail, handlers.detail)
    .openapi(routes.dataset, handlers.dataset)
    .openapi(routes.notebook, handlers.notebook);
