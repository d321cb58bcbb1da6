/** GET /levels */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const levelRoutes = () => createRouter().openapi(routes.list, handlers.list);
