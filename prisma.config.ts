import { defineConfig } from 'prisma/config';

// process.env with a fallback rather than env(): `prisma generate` must work on a
// fresh checkout where DATABASE_URL is not set (see ../shared/STACK-NOTES.md).
export default defineConfig({
  // A folder: every .prisma file in it, one per domain, is read as one schema.
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/peerroles' },
});
