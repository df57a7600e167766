import Link from 'next/link';

/** Previous / next links with the position; paging is a link, not client state. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const linkClass = 'rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50';
  return (
    <nav className="flex items-center justify-between text-sm" aria-label="Pagination">
      {page > 1 ? <Link className={linkClass} href={hrefFor(page - 1)}>← Previous</Link> : <span />}
      <span className="text-slate-600">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link className={linkClass} href={hrefFor(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
