// The lab's keyboard shortcuts, written down where a learner (and a facilitator) can find them.
import { useT } from '../../i18n/i18nStore';
import '../../i18n/messages.details.en';
import { withNodes } from '../../i18n/withNodes';

export function KeyboardHelp() {
  const t = useT();
  return (
    <details className="lab-keys">
      <summary>{t('keys.title')}</summary>
      <dl>
        <div>
          <dt>
            <kbd>Space</kbd>
          </dt>
          <dd>{t('keys.space')}</dd>
        </div>
        <div>
          <dt>
            <kbd>←</kbd> <kbd>→</kbd>
          </dt>
          <dd>{t('keys.leftRight')}</dd>
        </div>
        <div>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd>
          </dt>
          <dd>{withNodes(t('keys.upDown'), { enter: <kbd>Enter</kbd> })}</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('keys.escape')}</dd>
        </div>
      </dl>
    </details>
  );
}
