// Stand-in for d3-transition (aliased in vite.config.ts). React Flow's viewport code (d3-zoom)
// imports d3-transition for animated pans and zooms, which the lab never asks for: the viewport
// only ever fits at once (no fitView/zoom duration anywhere; double-click zoom is off). The real
// module costs about 5 KB gzip of the 200 KB first download (DESIGN.md), with d3-timer and
// d3-ease behind it.
//
// This keeps the API d3-zoom and @xyflow/system use working: a transition, if one is ever asked
// for (a `duration` option), completes at once on the next task: its "start" listeners run, each
// tween is evaluated at t = 1 (the end state), then its "end" listeners. So an animated zoom
// becomes a jump to the same place (the reduced-motion behaviour), never an error. Nothing ever
// runs over time, so `interrupt` has nothing to stop. If animation is wanted one day, remove the
// alias and the real d3-transition comes back.
import { selection, type Selection } from 'd3-selection';

type Listener = (this: Element, datum: unknown, index: number, group: ArrayLike<Element>) => void;
type TweenFactory = (this: Element, datum: unknown, index: number, group: ArrayLike<Element>) => ((t: number) => void) | null | undefined;

// d3-selection's Selection, as far as this module needs it.
type AnySelection = Selection<Element, unknown, Element | null, unknown>;

class InstantTransition {
  private readonly listeners = new Map<string, Listener>();
  private readonly tweens = new Map<string, TweenFactory>();
  private readonly target: AnySelection;

  constructor(target: AnySelection) {
    this.target = target;
    // After the caller has chained its .on() and .tween() calls, like a real transition's first frame.
    setTimeout(() => this.run(), 0);
  }

  selection(): AnySelection {
    return this.target;
  }

  duration(): this {
    return this;
  }

  delay(): this {
    return this;
  }

  ease(): this {
    return this;
  }

  /** `on("interrupt.zoom end.zoom", f)`: one listener per full type name, as in d3-dispatch. */
  on(typenames: string, listener: Listener | null): this {
    for (const name of typenames.trim().split(/\s+/)) {
      if (listener) this.listeners.set(name, listener);
      else this.listeners.delete(name);
    }
    return this;
  }

  tween(name: string, factory: TweenFactory | null): this {
    if (factory) this.tweens.set(name, factory);
    else this.tweens.delete(name);
    return this;
  }

  call(fn: (t: this, ...args: unknown[]) => void, ...args: unknown[]): this {
    fn(this, ...args);
    return this;
  }

  private fire(type: string, node: Element, datum: unknown, index: number, group: ArrayLike<Element>): void {
    for (const [name, listener] of this.listeners) if (name.split('.')[0] === type) listener.call(node, datum, index, group);
  }

  private run(): void {
    const transition = this;
    this.target.each(function (datum, index, group) {
      transition.fire('start', this, datum, index, group as ArrayLike<Element>);
      for (const factory of transition.tweens.values()) factory.call(this, datum, index, group as ArrayLike<Element>)?.call(this, 1);
      transition.fire('end', this, datum, index, group as ArrayLike<Element>);
    });
  }
}

/** Nothing runs over time, so there is never anything to interrupt. */
export function interrupt(): void {}

export function active(): null {
  return null;
}

const proto = selection.prototype as unknown as {
  interrupt(this: AnySelection): AnySelection;
  transition(this: AnySelection): InstantTransition;
};
proto.interrupt = function () {
  return this;
};
proto.transition = function () {
  return new InstantTransition(this);
};

export function transition(): InstantTransition {
  return new InstantTransition(selection() as unknown as AnySelection);
}
