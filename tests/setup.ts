// Vitest setup for every test file. Default environment is node; component tests opt into jsdom
// with `// @vitest-environment jsdom` on their first line, so everything DOM-ish is guarded.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';
import { MotionGlobalConfig } from 'motion';

// findBy*/waitFor wait up to 5 s (default 1 s): lazily loaded dialogs and panes take longer than
// a second on a loaded CI machine, and a too-short wait fails a correct test.
configure({ asyncUtilTimeout: 5_000 });

// Animations finish instantly so assertions see the end state without waiting on frames.
MotionGlobalConfig.skipAnimations = true;

// jsdom has no layout engine; React Flow measures nodes and the viewport with these.
// Same stubs as React Flow's testing guide (reactflow.dev/learn/advanced-use/testing).
class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    // Deliver on a microtask rather than inside observe(): React runs child effects (where React
    // Flow observes each node) before parent effects (where it registers the pane element), and a
    // synchronous callback would measure before the pane exists, leaving every node hidden.
    queueMicrotask(() => this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([1-9.])\)/)?.[1];
    this.m22 = scale !== undefined ? +scale : 1;
  }
}

if (typeof window !== 'undefined' && typeof HTMLElement !== 'undefined') {
  // Vitest's jsdom environment copies window's globals onto globalThis, but `window` stays a separate
  // object, and React Flow reads `window.DOMMatrixReadOnly`: install the stubs on both.
  for (const target of new Set<object>([globalThis, window])) {
    Object.assign(target, { ResizeObserver: ResizeObserverStub, DOMMatrixReadOnly: DOMMatrixReadOnlyStub });
  }

  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return parseFloat(this.style.height) || 1;
      },
    },
    offsetWidth: {
      configurable: true,
      get(this: HTMLElement) {
        return parseFloat(this.style.width) || 1;
      },
    },
  });

  if (typeof SVGElement !== 'undefined') {
    (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
      ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
  }

  // jsdom has no matchMedia; UI code reading prefers-reduced-motion / color-scheme would throw.
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}
