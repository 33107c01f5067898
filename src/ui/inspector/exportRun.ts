// The two exports of a run: its whole trace as JSON (replayable: scenario id + seed +
// interventions reproduce it exactly), and the sequence view's current window as Mermaid text.
import type { Run } from '../../state/runCache';
import { useLabStore } from '../../state/store';
import { downloadText, fileSlug } from './download';

export const TRACE_FORMAT = 'commands-events-lab/trace';

export function traceExport(run: Run, seed: number, interventions: unknown[], t: number): string {
  return JSON.stringify(
    {
      format: TRACE_FORMAT,
      version: 1,
      scenarioId: run.scenario.id,
      scenarioTitle: run.scenario.title,
      seed,
      // The learner's faults (each with its virtual time); trace.faults adds the scenario's own.
      interventions,
      durationMs: run.trace.durationMs,
      /** The moment on screen when exported, in virtual ms. */
      t,
      trace: run.trace,
    },
    null,
    1,
  );
}

export function exportTrace(run: Run): void {
  const s = useLabStore.getState();
  const text = traceExport(run, s.seed, s.interventions, s.t);
  downloadText(`${fileSlug(run.scenario.id)}-seed${s.seed}-trace.json`, text, 'application/json');
}

export async function exportMermaid(run: Run): Promise<void> {
  // The generator and the window selector load on first use: most sessions never export.
  const [{ toMermaidSequence }, { sequenceWindow }] = await Promise.all([import('../../view/mermaid'), import('../../view/sequence')]);
  const s = useLabStore.getState();
  const w = sequenceWindow(run.index, s.t, s.sequenceWindowMs);
  const text = toMermaidSequence({
    comment: `${run.scenario.title} · seed ${s.seed} · ${(w.from / 1000).toFixed(1)}–${(w.to / 1000).toFixed(1)} s${w.omitted > 0 ? ` · ${w.omitted} older messages left out` : ''}`,
    participants: w.lanes,
    arrows: w.arrows,
  });
  downloadText(`${fileSlug(run.scenario.id)}-seed${s.seed}-${Math.round(s.t)}ms.mmd`, text, 'text/plain');
}
