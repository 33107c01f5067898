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

/**
 * How far a token's drawing reaches either side of its edge: a lane (6) plus half a token (6).
 * Edge labels, the cut button and token labels stay outside it, so a moving token never covers
 * them and a click on a token never lands on the cut button.
 */
export const CORRIDOR = 12;

/**
 * The unit normal, on its upper side (the left, for a vertical one), of the line between two boxes:
 * edge labels go there. Taken between the centres: between two boxes that almost touch, the
 * segment from border to border has next to no length, and no direction to speak of.
 */
export function upperNormal(a: Rect, b: Rect): Point {
  const p = centre(a);
  const q = centre(b);
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy) || 1;
  const n = { x: dy / len, y: -dx / len };
  return n.y > 0 || (n.y === 0 && n.x > 0) ? { x: -n.x, y: -n.y } : n;
}

export interface TextSpot {
  x: number;
  /** The baseline. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Where to write a one-line label beside point p of a line, on the side `dir` (a unit normal of
 * the line), `gap` clear of it: aligned so the text grows away from the line at any angle. Centred
 * text (a near-horizontal line) leans over the line at its ends, so it steps out a little more.
 */
export function textBeside(p: Point, dir: Point, gap: number, halfWidth = 50): TextSpot {
  const anchor = Math.abs(dir.x) < 0.2 ? 'middle' : dir.x < 0 ? 'end' : 'start';
  const lean = anchor === 'middle' ? (halfWidth * Math.abs(dir.x)) / Math.max(Math.abs(dir.y), 0.1) : 0;
  const x = p.x + dir.x * (gap + lean);
  const y = p.y + dir.y * (gap + lean);
  // 12 px text: about 3 px of it hangs under the baseline, 10 px stand over it.
  return { x, y: dir.y < -0.2 ? y - 3 : dir.y > 0.2 ? y + 10 : y + 4, anchor };
}
