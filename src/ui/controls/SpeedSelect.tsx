import { setSpeed } from '../../state/commands';
import { SPEEDS, useLabStore } from '../../state/store';

export function SpeedSelect() {
  const speed = useLabStore((s) => s.speed);
  return (
    <label className="lab-field">
      <span className="lab-field__label">Speed</span>
      <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((v) => (
          <option key={v} value={String(v)}>
            {v}×
          </option>
        ))}
      </select>
    </label>
  );
}
