/** GET /health */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const healthRoutes = () => createRouter().openapi(routes.health, handlers.health);
