import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/validation/auth';

describe('safeCallbackUrl', () => {
  it.each([
    ['/w/acme', '/w/acme'],
    ['/w/acme/customers?sort=net&page=2', '/w/acme/customers?sort=net&page=2'],
    ['/invite/abc#top', '/invite/abc#top'],
  ])('keeps the same-site path %s', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['protocol-relative', '//evil.example'],
    ['backslash', '/\\evil.example'],
    // Browsers strip tab and newline from URLs, so these become //evil.example (found by the break-it test).
    ['tab', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['javascript', 'javascript:alert(1)'],
    // Paths that normalise to //evil.test (found by the second break-it test).
    ['dot segment', '/.//evil.test'],
    ['dot-dot segment', '/foo/..//evil.test'],
    ['encoded dot-dot', '/%2e%2e//evil.test'],
    ['empty', ''],
    ['relative without slash', 'w/acme'],
  ])('falls back for %s', (_label, value) => {
    expect(safeCallbackUrl(value)).toBe('/w');
  });

  it('normalises an ideographic full stop instead of throwing', () => {
    expect(safeCallbackUrl('/\u3002/x')).toBe('/%E3%80%82/x');
  });
});
