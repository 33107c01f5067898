// Short, unique marks for consumer groups ("F", "I", "A"), so the per-partition read bars can be
// told apart by a letter and not by colour alone.
export function groupMarks(groups: readonly string[]): Map<string, string> {
  const marks = new Map<string, string>();
  const used = new Set<string>();
  for (const g of groups) {
    let len = 1;
    let mark = g.slice(0, len).toUpperCase();
    while (used.has(mark) && len < g.length) mark = g.slice(0, ++len).toUpperCase();
    if (used.has(mark)) mark = `${mark}${marks.size}`;
    used.add(mark);
    marks.set(g, mark);
  }
  return marks;
}
