import type { z } from 'zod';

/** What a server action returns to its form. Never carries a password, token or secret. */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'success'; message: string; data?: T }
  | {
      status: 'error';
      message: string;
      fieldErrors?: Record<string, string[]>;
      details?: string[];
      /** Non-secret submitted values to put back in the form (React resets it after an action). */
      values?: Record<string, string>;
    };

export const idle: ActionState<never> = { status: 'idle' };

/**
 * A server action as a form with useActionState takes it: bound to its arguments (slug, id…) on
 * the server page and passed down as a prop. Bound with .bind() inside a client component instead,
 * a form posted before JavaScript has loaded was never answered: the server re-rendered the page
 * forever (vercel/next.js#57867; newcomer pass 7, 100% CPU and gigabytes after one empty rate).
 */
export type FormAction<T = undefined> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export function ok<T>(message: string, data?: T): ActionState<T> {
  return { status: 'success', message, data };
}

export function fail(message: string, extra: { details?: string[]; values?: Record<string, string> } = {}): ActionState<never> {
  return { status: 'error', message, ...extra };
}

export function fromZodError(
  error: z.ZodError,
  values?: Record<string, string>,
  message = 'Please correct the highlighted fields.',
): ActionState<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { status: 'error', message, fieldErrors, values };
}
