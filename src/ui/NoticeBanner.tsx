// Problems with the link (unknown scenario, bad seed or time) said in words, as plain text: the
// offending value came from the URL and must never be interpreted as markup.
import { useT } from '../i18n/i18nStore';
import { noticeText } from '../i18n/notices';
import { useLabStore } from '../state/store';

export function NoticeBanner() {
  const notices = useLabStore((s) => s.notices);
  const dismiss = useLabStore((s) => s.dismissNotices);
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <div className="lab-notice" role="alert" data-testid="notices">
      <ul>
        {notices.map((n) => (
          <li key={n}>{noticeText(n, t)}</li>
        ))}
      </ul>
      <button type="button" className="lab-btn" onClick={dismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
