// Millisecond-precise virtual time for the detail panes (the controls round to 0.1 s).
export function secondsPrecise(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}
