// The Workshop menu's items (loaded on first use by WorkshopMenu). Each item's key comes from the
// shortcut table, so the menu cannot show a key that does not work.
import { openDialog, togglePresent, useWorkshopStore } from '../../state/workshop';
import { lazyStrings as L } from '../share/lazyStrings';
import { keyLabel } from '../shortcuts/keyLabel';
import { shortcutById, type ShortcutId } from '../shortcuts/shortcutTable';
import { openAudienceWindow, pickScenarioFile } from './workshopActions';

interface Item {
  id: ShortcutId;
  label: string;
  run(): void;
  pressed?: boolean;
}

export default function WorkshopMenuList({ id, onChosen }: { id: string; onChosen: () => void }) {
  const present = useWorkshopStore((s) => s.present);
  const items: Item[] = [
    { id: 'share', label: L.shareLink, run: () => openDialog('share') },
    { id: 'embed', label: L.embedCode, run: () => openDialog('embed') },
    { id: 'openFile', label: L.openFile, run: pickScenarioFile },
    { id: 'present', label: L.presenterMode, run: togglePresent, pressed: present },
    { id: 'audience', label: L.audienceWindow, run: openAudienceWindow },
    { id: 'help', label: L.shortcuts, run: () => openDialog('shortcuts') },
  ];
  return (
    <ul className="lab-workshop__list" id={id} aria-label={L.menuLabel}>
      {items.map((item) => {
        const keys = shortcutById(item.id).keys;
        return (
          <li key={item.id}>
            <button
              type="button"
              className="lab-workshop__item"
              data-action={item.id}
              aria-pressed={item.pressed}
              aria-keyshortcuts={keys.map((k) => (k.length === 1 ? k.toUpperCase() : k)).join(' ')}
              onClick={() => {
                onChosen();
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.pressed !== undefined ? (
                <span className="lab-workshop__state" aria-hidden="true">
                  {item.pressed ? '●' : '○'}
                </span>
              ) : null}
              <kbd aria-hidden="true">{keyLabel(keys[0])}</kbd>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
