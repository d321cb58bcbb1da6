/** GET /user/me, PATCH /user/me, GET /user/progress */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const userRoutes = () =>
  createRouter()
    .openapi(routes.me, handlers.me)
    .openapi(routes.patchMe, handlers.patchMe)
    .openapi(routes.progress, handlers.progress);
