/** What the app is built from, and what handlers find on the Hono context. */
import type { Config } from '../config';
import type { SessionRow } from '../db/repositories/sessions';
import type { UserRow } from '../db/repositories/users';
import type { Services } from '../services';

export interface AppDeps {
  config: Config;
  services: Services;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: UserRow;
    session: SessionRow;
  };
}
