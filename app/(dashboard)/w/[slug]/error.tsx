'use client';

/** Unexpected failures land here; the details stay in the server log. */
export default function WorkspaceError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800">
      <p className="font-medium">Something went wrong while loading this page.</p>
      <button type="button" onClick={reset} className="mt-3 rounded-md border border-red-300 bg-white px-3 py-1 text-sm">Try again</button>
    </div>
  );
}
