'use client';

import { useState, useTransition } from 'react';
import { deleteImportAction } from './actions';
import { announceDeletion } from './deletion-notice';

/**
 * Deletes one import after a confirmation; the page refreshes through the action's revalidation.
 * An import that wrote nothing (rejected, failed, cancelled) is only taken off the history.
 */
export function DeleteImportButton({ slug, importId, fileName, wroteOrders }: { slug: string; importId: string; fileName: string; wroteOrders: boolean }) {
  const [busy, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button type="button" disabled={busy} className="text-sm text-red-700 underline disabled:opacity-60"
        onClick={() => {
          const question = wroteOrders
            ? `Delete the import of ${fileName}? Its orders are removed and the metrics recomputed.`
            : `Remove ${fileName} from the import history? Nothing was imported from it.`;
          if (!window.confirm(question)) return;
          startTransition(async () => {
            const state = await deleteImportAction(slug, importId);
            setMessage(state.status === 'error' ? state.message : null);
            if (state.status === 'success') announceDeletion(state.message);
          });
        }}>
        {wroteOrders ? 'Delete' : 'Remove'}
      </button>
      {message && <span role="alert" className="ml-2 text-xs text-red-700">{message}</span>}
    </>
  );
}
