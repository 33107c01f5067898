// Problems with the link (unknown scenario, bad seed or time) said in words, as plain text: the
// offending value came from the URL and must never be interpreted as markup.
import { useLabStore } from '../state/store';

export function NoticeBanner() {
  const notices = useLabStore((s) => s.notices);
  const dismiss = useLabStore((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="lab-notice" role="alert" data-testid="notices">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="lab-btn" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
