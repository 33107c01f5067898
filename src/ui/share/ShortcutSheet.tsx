// The `?` cheat sheet: every shortcut of the table (the same entries the keyboard handler uses),
// then the keys that only mean something in one place.
import { useWorkshopStore, closeDialog } from '../../state/workshop';
import { keyLabel } from '../shortcuts/keyLabel';
import { SHORTCUTS } from '../shortcuts/shortcutTable';
import { dialogStrings as D } from './dialogStrings';
import { lazyStrings as L, shortcutLabels } from './lazyStrings';
import { ModalDialog } from './ModalDialog';

function Keys({ keys }: { keys: readonly string[] }) {
  // '=' is only the unshifted '+' key: one entry is enough to read.
  const shown = keys.filter((k) => k !== '=');
  return (
    <>
      {shown.map((k, i) => (
        <span key={k}>
          {i > 0 ? ` ${L.keyOr} ` : null}
          <kbd>{keyLabel(k)}</kbd>
        </span>
      ))}
    </>
  );
}

export function ShortcutSheet() {
  const embed = useWorkshopStore((s) => s.embed);
  const rows = SHORTCUTS.filter((s) => !embed || s.inEmbed);
  return (
    <ModalDialog title={D.sheetTitle} onClose={closeDialog} className="lab-dialog--keys" testId="shortcut-sheet">
      <p className="lab-dialog__intro">{D.sheetIntro}</p>
      <table className="lab-keys-table">
        <caption className="sr-only">{D.sheetCommands}</caption>
        <thead>
          <tr>
            <th scope="col">{D.sheetKeys}</th>
            <th scope="col">{D.sheetAction}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id} data-shortcut={s.id}>
              <td>
                <Keys keys={s.keys} />
              </td>
              <td>{shortcutLabels[s.id]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="lab-keys-table__heading">{D.sheetContext}</h3>
      <table className="lab-keys-table">
        <caption className="sr-only">{D.sheetContext}</caption>
        <tbody>
          <tr>
            <td>
              <kbd>↑</kbd> <kbd>↓</kbd>
            </td>
            <td>{D.contextUpDown}</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>{D.contextEscape}</td>
          </tr>
        </tbody>
      </table>
    </ModalDialog>
  );
}
