import { z } from 'zod';

/**
 * The process environment, parsed once. Every variable is documented in .env.example.
 * Only this file, next.config.js and drizzle.config.ts read process.env.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Real PostgreSQL. When absent the app uses the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: z.string().trim().min(1).optional(),
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  PGLITE_DIR: z.string().trim().min(1).default('.pglite'),
  AUTH_SECRET: z.string().min(16).optional(),
  /** Folder where uploaded files wait for their background import job. */
  UPLOAD_DIR: z.string().trim().min(1).default('.uploads'),
});

export type Env = z.infer<typeof envSchema>;

export const env: Env = envSchema.parse({
  NODE_ENV: process.env.NODE_ENV,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  PGLITE_DIR: process.env.PGLITE_DIR || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
  UPLOAD_DIR: process.env.UPLOAD_DIR || undefined,
});
