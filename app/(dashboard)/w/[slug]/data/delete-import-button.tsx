'use client';

import { useState, useTransition } from 'react';
import { deleteImportAction } from './actions';

/** Deletes one import after a confirmation; the page refreshes through the action's revalidation. */
export function DeleteImportButton({ slug, importId, fileName }: { slug: string; importId: string; fileName: string }) {
  const [busy, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button type="button" disabled={busy} className="text-sm text-red-700 underline disabled:opacity-60"
        onClick={() => {
          if (!window.confirm(`Delete the import of ${fileName}? Its orders are removed and the metrics recomputed.`)) return;
          startTransition(async () => {
            const state = await deleteImportAction(slug, importId);
            setMessage(state.status === 'error' ? state.message : null);
          });
        }}>
        Delete
      </button>
      {message && <span role="alert" className="ml-2 text-xs text-red-700">{message}</span>}
    </>
  );
}
