// Everything the workshop modes add around the lab, wired once from App: presenter mode's root
// class, the embed's postMessage host, the presenter / audience channel, dropping a scenario file
// on the page, and the lazily loaded dialogs (share, embed, shortcuts).
import { lazy, Suspense, useEffect } from 'react';
import { useWorkshopStore } from '../../state/workshop';
import { workshopStrings as S } from '../share/strings';
import { openScenarioFileFrom } from './workshopActions';
import './workshop.css';

const WorkshopDialogs = lazy(() => import('../share/WorkshopDialogs'));

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer !== null && [...e.dataTransfer.types].includes('Files');
}

/**
 * A scenario file dropped anywhere opens it. A dropped file must never replace the page either:
 * where opening is off (an embed, an audience window) the drop is still taken, and ignored.
 */
function useFileDrop(enabled: boolean): void {
  useEffect(() => {
    let depth = 0;
    const set = (dragging: boolean) => {
      if (useWorkshopStore.getState().dragging !== dragging) useWorkshopStore.setState({ dragging });
    };
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e) || !enabled) return;
      depth++;
      set(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e) || !enabled) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) set(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      set(false);
      const file = e.dataTransfer?.files[0];
      if (file && enabled) openScenarioFileFrom(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);
}

function useWorkshopChannels(): void {
  const origins = useWorkshopStore((s) => s.origins);
  const audience = useWorkshopStore((s) => s.audience);
  const channel = useWorkshopStore((s) => s.channel);

  useEffect(() => {
    if (!origins || window.parent === window) return;
    let stop: (() => void) | undefined;
    let live = true;
    void import('../../workshop/embedHost').then((m) => {
      if (live) stop = m.startEmbedHost(origins);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [origins]);

  useEffect(() => {
    if (!channel || typeof BroadcastChannel === 'undefined') return;
    let stop: (() => void) | undefined;
    let live = true;
    // A reloaded presenter page keeps its channel (it is in its address): its audience follows on.
    void import('../../workshop/audienceSync').then((m) => {
      if (live) stop = audience ? m.startAudience(channel) : m.startPresenter(channel);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [channel, audience]);
}

function usePresenterClass(present: boolean): void {
  useEffect(() => {
    document.documentElement.classList.toggle('lab-present', present);
    return () => document.documentElement.classList.remove('lab-present');
  }, [present]);
}

export function WorkshopLayer() {
  const dialog = useWorkshopStore((s) => s.dialog);
  const dragging = useWorkshopStore((s) => s.dragging);
  const present = useWorkshopStore((s) => s.present);
  const audience = useWorkshopStore((s) => s.audience);
  const embed = useWorkshopStore((s) => s.embed);
  usePresenterClass(present);
  useWorkshopChannels();
  useFileDrop(!audience && !embed);

  return (
    <>
      {dragging ? (
        <div className="lab-drop" aria-hidden="true">
          <p>{S.dropHint}</p>
        </div>
      ) : null}
      {dialog === 'share' || dialog === 'embed' || dialog === 'shortcuts' ? (
        <Suspense fallback={null}>
          <WorkshopDialogs dialog={dialog} />
        </Suspense>
      ) : null}
    </>
  );
}
