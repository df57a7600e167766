import type { ActionState } from '@/lib/action-state';

/** The result line of a form action: a success note, or an error with its details. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (state.status === 'idle') return null;
  const isError = state.status === 'error';
  return (
    <div
      role={isError ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${isError ? 'border-red-200 bg-red-50 text-red-800' : 'border-emerald-200 bg-emerald-50 text-emerald-800'}`}
    >
      <p>{state.message}</p>
      {isError && state.details && state.details.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {state.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The first error for one field, under its input. */
export function FieldError({ state, name }: { state: ActionState<unknown>; name: string }) {
  const message = state.status === 'error' ? state.fieldErrors?.[name]?.[0] : undefined;
  return message ? <p className="mt-1 text-sm text-red-700">{message}</p> : null;
}
