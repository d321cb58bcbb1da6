/** GET /badges */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const badgeRoutes = () => createRouter().openapi(routes.list, handlers.list);
