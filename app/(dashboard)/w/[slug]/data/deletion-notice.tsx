'use client';

import { useEffect, useSyncExternalStore } from 'react';

// The delete button sits in the history row it removes: once the page refreshes it is gone, and so
// would be its message. It hands the message to this notice above the table instead.
let notice: string | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows `message` in the notice above the import history. */
export function announceDeletion(message: string): void {
  notice = message;
  for (const listener of listeners) listener();
}

/** What the last deletion on this page removed, until the page is left. */
export function DeletionNotice() {
  const message = useSyncExternalStore(subscribe, () => notice, () => null);
  useEffect(() => () => { notice = null; }, []);
  if (!message) return null;
  return <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="deletion-notice">{message}</p>;
}
