// The seed picks which random orders arrive when. Same seed, same run: shareable and replayable.
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18nStore';
import { useLabStore } from '../../state/store';

export function SeedField() {
  const seed = useLabStore((s) => s.seed);
  const setSeed = useLabStore((s) => s.setSeed);
  const t = useT();
  const [text, setText] = useState(String(seed));
  useEffect(() => setText(String(seed)), [seed]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1) {
      if (n !== seed) setSeed(n);
    } else setText(String(seed));
  };
  return (
    <label className="lab-field">
      <span className="lab-field__label">{t('controls.seed')}</span>
      <input
        className="lab-seed"
        type="text"
        inputMode="numeric"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
