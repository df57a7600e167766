'use client';

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Register only what the bar charts use, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/**
 * A bar chart of plain server-computed series. Colours come from CSS variables. `isCount` marks a
 * y axis of whole things (customers): chart.js would otherwise tick 0.1 … 0.9 for small counts.
 */
export function BarChart({ labels, values, label, color = '--color-chart-primary', valuePrefix = '', isCount = false }: {
  labels: string[];
  values: number[];
  label: string;
  color?: string;
  valuePrefix?: string;
  isCount?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const styles = getComputedStyle(document.documentElement);
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: styles.getPropertyValue(color).trim() }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { grid: { display: false } },
          y: { beginAtZero: true, grid: { color: styles.getPropertyValue('--color-chart-grid').trim() },
               ticks: { ...(isCount ? { precision: 0 } : {}), callback: (v) => `${valuePrefix}${Number(v).toLocaleString('en-US')}` } },
        },
        plugins: { tooltip: { callbacks: { label: (c) => `${label}: ${valuePrefix}${Number(c.parsed.y).toLocaleString('en-US')}` } } },
      },
    });
    return () => chart.destroy();
  }, [labels, values, label, color, valuePrefix, isCount]);
  return (
    <div className="relative h-64">
      <canvas ref={canvas} aria-label={label} role="img" />
    </div>
  );
}
