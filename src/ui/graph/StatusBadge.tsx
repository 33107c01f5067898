// Status in words, not colour alone: a down node says DOWN even in greyscale or on a projector.
import type { NodeStatus } from '../../engine/types';
import { useT } from '../../i18n/i18nStore';

export function StatusBadge({ status }: { status: NodeStatus }) {
  const t = useT();
  if (status === 'up') return null;
  return <span className={`lab-badge lab-badge--${status}`}>{t(`badge.${status}`)}</span>;
}
