// Words for the current selection, for the side pane's status line (and screen readers). Kept
// small and free of the inspector's selectors so it can live in the initial bundle.
import type { TraceRecord } from '../engine/types';
import { tEn, type Translate } from '../i18n/format';
import type { Run } from './runCache';
import type { Selection } from './selectionSlice';

const commandRecords = new WeakMap<Run, Map<number, Extract<TraceRecord, { type: 'command' }>>>();

function commandRecord(run: Run, id: number): Extract<TraceRecord, { type: 'command' }> | undefined {
  let byId = commandRecords.get(run);
  if (!byId) {
    byId = new Map();
    for (const r of run.trace.records) if (r.type === 'command') byId.set(r.cmd, r);
    commandRecords.set(run, byId);
  }
  return byId.get(id);
}

export function selectionText(run: Run, sel: Selection, t: Translate = tEn): string {
  switch (sel.kind) {
    case 'node': {
      const node = run.scenario.nodes.find((n) => n.id === sel.id);
      return node ? t('selection.node', { label: node.label }) : t('selection.nodeMissing', { id: sel.id });
    }
    case 'event': {
      const e = run.trace.events[sel.id];
      return e ? t('selection.event', { type: e.type, label: e.label, id: sel.id }) : t('selection.eventMissing', { id: sel.id });
    }
    case 'command': {
      const c = commandRecord(run, sel.id);
      return c ? t('selection.command', { endpoint: c.endpoint, key: c.key, id: sel.id }) : t('selection.commandMissing', { id: sel.id });
    }
  }
}
