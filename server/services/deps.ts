/** What every service is built from (by the composition root, server/compose.ts). */
import type { Catalog } from '../catalog/load-pack';
import type { Config } from '../config';
import type { Db } from '../db/database';

export interface ServiceDeps {
  db: Db;
  catalog: Catalog;
  config: Config;
  /** The clock (tests may move it). */
  now: () => Date;
}
