// The size of an element in CSS px, kept up to date with a ResizeObserver. SVG views draw in
// real pixels (text stays legible) rather than scaling a fixed viewBox down on a phone.
import { useEffect, useRef, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

export function useElementSize<T extends HTMLElement>(fallback: Size): [React.RefObject<T | null>, Size] {
  const ref = useRef<T | null>(null);
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = el.clientWidth;
      const height = el.clientHeight;
      if (width <= 0 || height <= 0) return;
      setSize((prev) => (Math.abs(prev.width - width) >= 1 || Math.abs(prev.height - height) >= 1 ? { width, height } : prev));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}
