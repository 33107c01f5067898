// Shared geometry for edges and tokens: both run along the straight segment between the borders
// of two node boxes, so a token always sits on the edge it travels.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Where the ray from the box's centre towards `toward` leaves the box (plus a small gap). */
export function borderPoint(r: Rect, toward: Point, gap = 4): Point {
  const c = centre(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = r.width / 2 + gap;
  const hh = r.height / 2 + gap;
  // Scale the direction so it just touches the nearer pair of sides.
  const s = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export interface Segment {
  from: Point;
  to: Point;
}

/**
 * The segment from box a to box b. `lane` shifts it sideways (in px, to the left of the travel
 * direction) so a request and its reply on the same pair of nodes are drawn apart.
 */
export function segmentBetween(a: Rect, b: Rect, lane = 0): Segment {
  const from = borderPoint(a, centre(b));
  const to = borderPoint(b, centre(a));
  if (lane === 0) return { from, to };
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const nx = (dy / len) * lane;
  const ny = (-dx / len) * lane;
  return { from: { x: from.x + nx, y: from.y + ny }, to: { x: to.x + nx, y: to.y + ny } };
}

export function pointAt(seg: Segment, progress: number): Point {
  const p = Math.min(1, Math.max(0, progress));
  return { x: seg.from.x + (seg.to.x - seg.from.x) * p, y: seg.from.y + (seg.to.y - seg.from.y) * p };
}
