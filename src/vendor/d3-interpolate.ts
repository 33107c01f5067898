// Stand-in for d3-interpolate (aliased in vite.config.ts), the companion of the d3-transition
// stand-in beside it. React Flow (@xyflow/system) and d3-zoom import only `interpolateZoom` and
// `interpolate`, to build the path of an animated pan or zoom. The real `interpolate` handles
// every kind of value (colours, strings, dates, objects…), so it pulls in all of d3-color: about
// 5 KB gzip of the 200 KB first download (DESIGN.md) for a path the lab never animates.
//
// With the d3-transition stand-in, a viewport transition is evaluated only at its end (t = 1),
// where d3-zoom uses the target transform itself: the interpolator is built but never asked for a
// point in between. So both are a plain linear interpolation of what d3-zoom passes them,
// [x, y, width] arrays (numbers work too). If the real d3-transition comes back for animation,
// remove this alias too, so zooms follow d3's smooth path again.
type Value = number | readonly number[];

function lerp(a: number, b: number, t: number): number {
  return a * (1 - t) + b * t;
}

export function interpolate(a: Value, b: Value): (t: number) => Value {
  if (typeof b === 'number') return (t) => lerp(+a, b, t);
  const from = Array.isArray(a) ? (a as readonly number[]) : [];
  return (t) => b.map((v, i) => (i < from.length ? lerp(from[i], v, t) : v));
}

export const interpolateZoom = interpolate;
