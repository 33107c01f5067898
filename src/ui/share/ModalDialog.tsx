// A modal dialog for the workshop tools (share, embed, shortcuts): a native <dialog> opened with
// showModal (focus is trapped, the page behind is inert), titled by its heading, closed by Escape,
// its Close button or a click on the backdrop; focus then goes back where it was. Keys pressed
// inside never reach the lab's shortcuts.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { dialogStrings as D } from './dialogStrings';
import './share.css';

export function ModalDialog({
  title,
  onClose,
  children,
  className = '',
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal; the `open` attribute is the same picture without the top layer.
    if (typeof d.showModal === 'function') {
      if (!d.open) d.showModal();
    } else {
      d.setAttribute('open', '');
    }
    (d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>('button'))?.focus();
    return () => {
      if (typeof d.close === 'function' && d.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`lab-dialog ${className}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
        e.stopPropagation();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="lab-dialog__box">
        <div className="lab-dialog__head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="lab-btn" onClick={onClose}>
            {D.close}
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
