// A small channel from the guided story to the lab's one live region (LiveAnnouncer). The story
// says "Step 3 of 7: …" or "Revealed: …"; the announcer decides when to speak it, so a step change
// that also moves the clock is one message (story first, then the world at that moment), not two
// that interrupt each other.
type Listener = (text: string) => void;

const listeners = new Set<Listener>();
let pending: string | null = null;

export function announceNarrative(text: string): void {
  pending = text;
  for (const l of listeners) l(text);
}

export function onNarrativeAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The story's latest words not yet spoken, consumed by whoever speaks them. */
export function takeNarrativeAnnouncement(): string | null {
  const text = pending;
  pending = null;
  return text;
}
