// The workshop dialogs, in one lazily loaded chunk: none of them is needed for the first paint.
import type { LabDialog } from '../../state/workshop';
import { EmbedDialog } from './EmbedDialog';
import { ShareDialog } from './ShareDialog';
import { ShortcutSheet } from './ShortcutSheet';

export default function WorkshopDialogs({ dialog }: { dialog: LabDialog }) {
  if (dialog === 'share') return <ShareDialog />;
  if (dialog === 'embed') return <EmbedDialog />;
  if (dialog === 'shortcuts') return <ShortcutSheet />;
  return null;
}
