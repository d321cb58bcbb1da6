/** POST /quests/{id}/submit, GET /submissions/{id}, GET /quests/{id}/submissions */
import { createRouter } from '../../http/router';
import * as handlers from './handlers';
import * as routes from './routes';

export const submissionRoutes = () => {
  const router = createRouter();
  router.openAPIRegistry.registerPath(routes.submitDoc);
  return router
    .openapi(routes.getSubmission, handlers.getSubmission)
    .openapi(routes.listSubmissions, handlers.listSubmissions)
    .post(routes.SUBMIT_PATH, ...handlers.submit);
};
