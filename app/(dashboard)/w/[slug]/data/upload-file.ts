/**
 * Sends a file's bytes to the upload route with the mapping in headers. XMLHttpRequest rather than
 * fetch, because only it reports upload progress. Resolves with the import id or the server's message.
 */
export function uploadFile(p: {
  slug: string;
  file: File;
  options: Record<string, string>;
  autoCommit: boolean;
  onProgress: (percent: number) => void;
}): Promise<{ ok: true; importId: string } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/w/${encodeURIComponent(p.slug)}/uploads`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(p.file.name));
    xhr.setRequestHeader('X-Import-Options', encodeURIComponent(JSON.stringify(p.options)));
    if (p.autoCommit) xhr.setRequestHeader('X-Auto-Commit', '1');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) p.onProgress(Math.round((100 * e.loaded) / e.total));
    };
    xhr.onload = () => {
      let body: { importId?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy's HTML error page: fall through to the generic message.
      }
      if (xhr.status === 202 && body.importId) resolve({ ok: true, importId: body.importId });
      else resolve({ ok: false, error: body.error ?? `The upload failed (HTTP ${xhr.status}). Try again.` });
    };
    xhr.onerror = () => resolve({ ok: false, error: 'The upload did not reach the server. Check the connection and try again.' });
    xhr.send(p.file);
  });
}
