import { NextResponse } from 'next/server';
import { getImport } from '@/db/queries/imports';
import { requireMembership } from '@/lib/auth/guards';
import { importProgress } from '@/lib/imports/import-progress';

/**
 * The state of one import for the progress bar, polled by the data page: status, bytes and rows
 * read, and the report once the dry run is done. Minimum role: admin (imports are theirs).
 * Another workspace's import id answers 404 like an unknown one.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { workspace } = await requireMembership(slug, 'admin');
  const row = /^[0-9a-f-]{36}$/.test(id) ? await getImport(workspace.id, id) : null;
  if (!row) return NextResponse.json({ error: 'Not found' }, { status: 404 });
  return NextResponse.json(importProgress(row), { headers: { 'Cache-Control': 'no-store' } });
}
