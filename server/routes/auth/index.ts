/** POST /auth/register, /auth/login, /auth/logout */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const authRoutes = () =>
  createRouter()
    .openapi(routes.register, handlers.register)
    .openapi(routes.login, handlers.login)
    .openapi(routes.logout, handlers.logout);
