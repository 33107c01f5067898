// Messages with an element inside ("Take {name} down" where the name is visually hidden, "{enter}
// selects one" with a <kbd>): the worded text is split at the placeholders and the elements put in.
import { Fragment, type ReactNode } from 'react';

export function withNodes(text: string, nodes: Record<string, ReactNode>): ReactNode {
  const parts = text.split(/\{(\w+)\}/g);
  // split with a capture group: even indexes are text, odd ones placeholder names.
  return parts.map((part, i) => (i % 2 === 0 ? part : <Fragment key={i}>{part in nodes ? nodes[part] : `{${part}}`}</Fragment>));
}
