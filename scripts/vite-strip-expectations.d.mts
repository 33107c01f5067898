import type { Plugin } from 'vite';

export function stripExpectations(code: string, fileName?: string): string;
export function stripScenarioExpectations(): Plugin;
