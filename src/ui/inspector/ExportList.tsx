// The export disclosure's two buttons (see ExportMenu in PaneTabs.tsx), loaded when it first opens.
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import type { Run } from '../../state/runCache';
import { exportMermaid, exportTrace } from './exportRun';

export default function ExportList({ run, close }: { run: Run; close: () => void }) {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="lab-btn lab-btn--small"
        onClick={() => {
          exportTrace(run);
          close();
        }}
        title={t('pane.exportTraceTitle')}
      >
        {t('pane.exportTrace')}
      </button>
      <button
        type="button"
        className="lab-btn lab-btn--small"
        onClick={() => {
          void exportMermaid(run);
          close();
        }}
        title={t('pane.exportMermaidTitle')}
      >
        {t('pane.exportMermaid')}
      </button>
    </>
  );
}
