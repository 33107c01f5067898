// The lab's keyboard shortcuts, written down where a learner (and a facilitator) can find them.
export function KeyboardHelp() {
  return (
    <details className="lab-keys">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <div>
          <dt>
            <kbd>Space</kbd>
          </dt>
          <dd>play / pause</dd>
        </div>
        <div>
          <dt>
            <kbd>←</kbd> <kbd>→</kbd>
          </dt>
          <dd>step back / forward to the previous / next delivery (not while typing, or in the slider, a list or the tabs)</dd>
        </div>
        <div>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd>
          </dt>
          <dd>move between messages on the graph or in the sequence view; <kbd>Enter</kbd> selects one</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>clear the selection (in the side pane)</dd>
        </div>
      </dl>
    </details>
  );
}
