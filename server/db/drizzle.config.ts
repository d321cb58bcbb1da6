// drizzle-kit configuration: `npx drizzle-kit generate --config server/db/drizzle.config.ts`
// writes SQL migrations to server/db/migrations (committed, applied at start-up).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './server/db/migrations'
});
