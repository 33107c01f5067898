// Lesson 13: the dual write — a row committed, then a publish that fails — and the transactional
// outbox that fixes it (at-least-once, so consumers de-duplicate). Case C12 tells it; the scenarios
// and their stories live with the webhook cases (webhookCases.ts).
import type { Scenario } from '../../engine/types';
import { c12DualWrite, c12Outbox, c12RelayCrash } from '../webhookCases';

export const lesson13: Scenario[] = [c12DualWrite, c12Outbox, c12RelayCrash];
