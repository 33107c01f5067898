// Which run a graph, its nodes and its tokens belong to. The compare view renders two sides; the
// components inside each are the same and only this context tells them apart.
import { createContext, useContext } from 'react';
import type { Scenario } from '../engine/types';
import type { Run } from './runCache';

export interface Side {
  scenario: Scenario;
  run: Run;
}

export const SideContext = createContext<Side | null>(null);

export function useSide(): Side {
  const side = useContext(SideContext);
  if (!side) throw new Error('useSide: no SideContext.Provider above this component');
  return side;
}
