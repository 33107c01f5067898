// Lesson 14 (MISSION §3, cascading failure): a slow downstream exhausts a synchronous caller's
// worker pool, and takes an unrelated endpoint down with it; over pub/sub the same slowdown is
// only lag. Case C14 tells it (c14SlowDownstream.ts).
import type { Scenario } from '../../engine/types';
import { c14Pubsub, c14Sync } from '../c14SlowDownstream';

export const lesson14: Scenario[] = [c14Sync, c14Pubsub];
