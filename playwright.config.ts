import { defineConfig } from '@playwright/test';

// Several checkouts on one machine can each run the suite on a port of their own.
const PORT = Number(process.env.E2E_PORT ?? 3000);

/**
 * Runs against a production build (`next build` first; .ci/run does it) in Debian's Chromium.
 * Playwright never downloads a browser here. The server uses the same DATABASE_URL (or the
 * embedded database) as the shell that starts the suite; the database must be migrated and
 * seeded with the CDNOW demo.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    // localhost, not 127.0.0.1: Auth.js redirects to localhost and cookies must stay on one host.
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://localhost:${PORT}/sign-in`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: { AUTH_TRUST_HOST: 'true', AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-0123456789abcdef' },
  },
});
