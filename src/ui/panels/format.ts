// Number formats shared by the panels and the controls.
export function formatPercent(rate: number | undefined): string {
  if (rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
