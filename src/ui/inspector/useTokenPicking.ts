// Makes the graph's message tokens pickable: click (or Enter/Space) selects the message, by its
// hop's ref and kind, in the store. One delegated handler on the token layer's <svg>, so the
// tokens themselves carry only data attributes and the graph's nodes never re-render.
//
// Keyboard: the layer is one tab stop (a roving tabindex: the selected token, else the first);
// ↑/↓ move between tokens, Enter/Space select. With more tokens in flight than a listener can
// follow, the layer is hidden from assistive tech (the sequence view lists the same messages).
import type { KeyboardEvent, MouseEvent } from 'react';
import { useT } from '../../i18n/i18nStore';
import type { Run } from '../../state/runCache';
import { selectMessage } from '../../state/selectionCommands';
import { useLabStore } from '../../state/store';
import { hopRefKind, type RefKind } from '../../view/refKind';
import type { Token } from '../../view/worldAt';
import './selection.css';

/** Above this many tokens, they are not offered one by one to screen readers. */
const MAX_ACCESSIBLE = 24;

export interface TokenPicking {
  svgProps: {
    role?: 'group';
    'aria-label'?: string;
    'aria-hidden'?: true;
    onClick: (e: MouseEvent<SVGSVGElement>) => void;
    onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => void;
  };
  isSelected: (tok: Token) => boolean;
  tokenProps: (tok: Token) => {
    'data-key': number;
    'data-ref': number;
    'data-ref-kind': RefKind;
    role?: 'button';
    tabIndex?: number;
    'aria-label'?: string;
    'aria-pressed'?: boolean;
  };
}

function pick(scenarioId: string, target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const el = target.closest('[data-ref-kind]');
  if (!el) return false;
  const ref = Number(el.getAttribute('data-ref'));
  const kind = el.getAttribute('data-ref-kind') as RefKind;
  selectMessage(scenarioId, kind, ref, { toggle: true });
  return true;
}

function moveFocus(svg: SVGSVGElement, from: Element, delta: number): void {
  const all = [...svg.querySelectorAll<SVGGElement>('[data-ref-kind]')];
  const i = all.indexOf(from as SVGGElement);
  const next = all[(i + delta + all.length) % all.length];
  next?.focus();
}

export function useTokenPicking(run: Run, tokens: readonly Token[]): TokenPicking {
  const scenarioId = run.scenario.id;
  const index = run.index;
  const selection = useLabStore((s) => s.selection);
  const t = useT();
  const sel = selection && selection.scenarioId === scenarioId && selection.kind !== 'node' ? selection : null;
  const kindOf = (tok: Token): RefKind => hopRefKind(index, tok);
  const isSelected = (tok: Token): boolean => sel !== null && tok.ref === sel.id && kindOf(tok) === sel.kind;
  const accessible = tokens.length > 0 && tokens.length <= MAX_ACCESSIBLE;
  const roving = accessible ? (tokens.find(isSelected) ?? tokens[0]).key : -1;
  const labelOf = (id: string) => index.nodeSpecs.get(id)?.label ?? id;

  return {
    svgProps: {
      ...(accessible ? { role: 'group' as const, 'aria-label': t('graph.tokens', { count: tokens.length }) } : { 'aria-hidden': true as const }),
      onClick: (e) => {
        pick(scenarioId, e.target);
      },
      onKeyDown: (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          if (pick(scenarioId, e.target)) e.preventDefault();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          if (e.target instanceof Element) {
            e.preventDefault();
            moveFocus(e.currentTarget, e.target, e.key === 'ArrowDown' ? 1 : -1);
          }
        }
      },
    },
    isSelected,
    tokenProps: (tok) => {
      const refKind = kindOf(tok);
      const base = { 'data-key': tok.key, 'data-ref': tok.ref, 'data-ref-kind': refKind };
      if (!accessible) return base;
      return {
        ...base,
        role: 'button' as const,
        tabIndex: tok.key === roving ? 0 : -1,
        'aria-label': t(tok.lost ? 'graph.tokenLost' : 'graph.tokenName', { kind: t(`kind.${tok.kind}`), label: tok.label, from: labelOf(tok.from), to: labelOf(tok.to) }),
        'aria-pressed': isSelected(tok),
      };
    },
  };
}
