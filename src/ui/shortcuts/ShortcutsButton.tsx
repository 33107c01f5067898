// The footer's way into the `?` cheat sheet (every shortcut, from the one table).
import { openDialog } from '../../state/workshop';
import { workshopStrings as S } from '../share/strings';

export function ShortcutsButton() {
  return (
    <button
      type="button"
      className="lab-btn lab-btn--quiet lab-keys-button"
      aria-haspopup="dialog"
      aria-keyshortcuts="Shift+?"
      onClick={() => openDialog('shortcuts')}
    >
      {S.shortcuts} <kbd aria-hidden="true">?</kbd>
    </button>
  );
}
