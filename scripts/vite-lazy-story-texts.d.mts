import type { Plugin } from 'vite';

export const SCENARIO_SOURCE: RegExp;
export function stripStoryTexts(code: string, fileName?: string): { code: string; steps: number };
export function lazyStoryTexts(): Plugin;
