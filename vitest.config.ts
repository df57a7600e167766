import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
    setupFiles: ['tests/setup-env.ts'],
    // next-auth imports 'next/server' without an extension, which only a bundler resolves.
    server: { deps: { inline: ['next-auth'] } },
    globalSetup: ['tests/global-setup.ts'],
    // Database tests share one Postgres when DATABASE_URL is set; each file makes its own workspaces.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
