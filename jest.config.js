// Jest runs two projects: fast unit tests, and integration tests that each get a
// fresh PostgreSQL database cloned from a migrated template (see
// tests/support/database-environment.js). `npm run test:unit` runs both.

// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest reads this file as CommonJS
const os = require('node:os');

/** TypeScript through SWC: no type checking here (`npm run typecheck` does that). */
const transform = {
  '^.+\\.(ts|tsx)$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true, decorators: false },
        target: 'es2022',
        transform: { react: { runtime: 'automatic' } },
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

const moduleNameMapper = {
  '^server-only$': '<rootDir>/tests/support/server-only.ts',
  '^next/cache$': '<rootDir>/tests/support/next-cache.ts',
  '^next/navigation$': '<rootDir>/tests/support/next-navigation.ts',
  '\\.module\\.css$': '<rootDir>/tests/support/css-module.ts',
  '^@/(.*)$': '<rootDir>/$1',
};

const shared = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/.data/', '/tests/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/.next/', '<rootDir>/.data/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration test files mostly wait on PostgreSQL, so run more of them than
  // there are cores (each has its own database and a pool of at most 10 connections).
  maxWorkers: Math.min(6, Math.max(2, os.cpus().length * 2)),
  globalSetup: '<rootDir>/tests/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/global-teardown.mjs',
  // Integration tests hash passwords and talk to PostgreSQL: allow for a busy CI machine.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testEnvironment: '<rootDir>/tests/support/database-environment.js',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/integration-setup.ts'],
    },
  ],
};
