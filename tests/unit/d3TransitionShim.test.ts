// @vitest-environment jsdom
// The d3-transition stand-in (src/vendor/d3-transition.ts, aliased in the build): an animated
// viewport change asked of d3-zoom still lands where it should, with its start/zoom/end events,
// at once instead of over time. And the d3-interpolate stand-in beside it (src/vendor/d3-interpolate.ts),
// which keeps d3-color out of the bundle.
import { select } from 'd3-selection';
// Types only: Selection.transition() and .interrupt() as d3-transition declares them.
import type {} from 'd3-transition';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
// After d3-zoom: in the browser build the alias makes this the only d3-transition; here it must
// win over the real one d3-zoom loads.
import '../../src/vendor/d3-transition';

describe('d3-transition stand-in', () => {
  it('an animated zoom (duration > 0) becomes a jump to its end, with start, zoom and end events', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const z = zoom<HTMLDivElement, unknown>();
    const sel = select(el).call(z);
    const events: string[] = [];
    z.on('start', () => events.push('start'))
      .on('zoom', () => events.push('zoom'))
      .on('end', () => events.push('end'));
    expect(sel.transition().constructor.name, 'the stand-in, not the real d3-transition').toBe('InstantTransition');
    const target = zoomIdentity.translate(5, 6).scale(2);
    // The way @xyflow/system asks for it: selection.transition().duration(d).ease(e).on('end', …).
    await new Promise<void>((resolve) => {
      const tr = sel
        .transition()
        .duration(300)
        .ease((t: number) => t)
        .on('end', () => resolve());
      z.transform(tr, target);
    });
    const t = zoomTransform(el);
    expect([t.k, t.x, t.y]).toEqual([2, 5, 6]);
    expect(events).toEqual(['start', 'zoom', 'end']);
  });

  it('a zoom without a transition still applies at once, and interrupt is harmless', () => {
    const el = document.createElement('div');
    const z = zoom<HTMLDivElement, unknown>();
    const sel = select(el).call(z);
    z.transform(sel, zoomIdentity.scale(3));
    expect(zoomTransform(el).k).toBe(3);
    expect(sel.interrupt()).toBe(sel);
  });
});

describe('d3-interpolate stand-in', () => {
  it('interpolates what d3-zoom passes it ([x, y, width]) and plain numbers, linearly', async () => {
    const { interpolate, interpolateZoom } = await import('../../src/vendor/d3-interpolate');
    const path = interpolateZoom([0, 10, 100], [20, 30, 50]);
    expect(path(0)).toEqual([0, 10, 100]);
    expect(path(0.5)).toEqual([10, 20, 75]);
    expect(path(1)).toEqual([20, 30, 50]);
    expect(interpolate(2, 6)(0.25)).toBe(3);
  });

  it('an animated zoom built with it still lands exactly on its target', async () => {
    const { interpolateZoom } = await import('../../src/vendor/d3-interpolate');
    const el = document.createElement('div');
    const z = zoom<HTMLDivElement, unknown>().interpolate(interpolateZoom as never);
    const sel = select(el).call(z);
    await new Promise<void>((resolve) => z.transform(sel.transition().duration(300).on('end', () => resolve()), zoomIdentity.translate(-4, 7).scale(0.5)));
    const t = zoomTransform(el);
    expect([t.k, t.x, t.y]).toEqual([0.5, -4, 7]);
  });
});
