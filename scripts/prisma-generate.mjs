// Generates the Prisma client offline. `prisma generate` does not use the schema
// engine binary, but the CLI looks for one first and tries to download it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that (STACK-NOTES.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
