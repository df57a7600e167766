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
  /** A proxy in front of the app appends the client address to X-Forwarded-For (enables the per-IP sign-in limit). */
  TRUST_PROXY: z.preprocess((v) => v === 'true' || v === '1', z.boolean()),
  /** Folder where uploaded files wait for their background import job. */
  UPLOAD_DIR: z.string().trim().min(1).default('.uploads'),
  /** The app's public origin, used in e-mailed links; without it links use the request's origin. */
  APP_URL: z.url().optional(),
  /** SMTP server for invitation e-mail (smtp://user:pass@host:587); without it the inviter copies the link. */
  SMTP_URL: z.string().trim().min(1).optional(),
  MAIL_FROM: z.string().trim().min(3).default('Worthwise <no-reply@worthwise.local>'),
  /** OAuth apps: each provider is offered only when both its id and secret are set. */
  AUTH_GITHUB_ID: z.string().trim().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().trim().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().trim().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().trim().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export const env: Env = envSchema.parse({
  NODE_ENV: process.env.NODE_ENV,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  PGLITE_DIR: process.env.PGLITE_DIR || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
  UPLOAD_DIR: process.env.UPLOAD_DIR || undefined,
  TRUST_PROXY: process.env.TRUST_PROXY,
  APP_URL: process.env.APP_URL || undefined,
  SMTP_URL: process.env.SMTP_URL || undefined,
  MAIL_FROM: process.env.MAIL_FROM || undefined,
  AUTH_GITHUB_ID: process.env.AUTH_GITHUB_ID || undefined,
  AUTH_GITHUB_SECRET: process.env.AUTH_GITHUB_SECRET || undefined,
  AUTH_GOOGLE_ID: process.env.AUTH_GOOGLE_ID || undefined,
  AUTH_GOOGLE_SECRET: process.env.AUTH_GOOGLE_SECRET || undefined,
});
