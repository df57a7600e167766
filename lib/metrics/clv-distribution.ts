/**
 * Bucket edges (major currency units) for the "customers by historic CLV" histogram. Spending is
 * heavy-tailed, so the widths grow roughly geometrically. Bucket i holds net CLV in
 * [EDGES[i-1], EDGES[i]); bucket 0 is below the first edge (refunded customers), the last is open.
 */
export const CLV_BUCKET_EDGES = [0, 10, 25, 50, 100, 250, 500, 1000, 2500] as const;

/** Labels for the len(EDGES) + 1 buckets, e.g. "< 0", "0–10", …, "2,500+" (major units). */
export function clvBucketLabels(symbol: string): string[] {
  const fmt = (n: number) => `${symbol}${n.toLocaleString('en-US')}`;
  const labels = [`< ${fmt(0)}`];
  for (let i = 1; i < CLV_BUCKET_EDGES.length; i++) labels.push(`${fmt(CLV_BUCKET_EDGES[i - 1]!)}–${fmt(CLV_BUCKET_EDGES[i]!)}`);
  labels.push(`${fmt(CLV_BUCKET_EDGES[CLV_BUCKET_EDGES.length - 1]!)}+`);
  return labels;
}
