import type { Scenario } from '../engine/types';
import { c7Scenarios } from './c7NackRequeueLoop';
import { checkoutPubsub, checkoutSync } from './checkout';
import { c14Pubsub, c14Sync } from './c14SlowDownstream';
import { kafkaCases } from './kafkaCases';
import { webhookCases } from './webhookCases';
import { lesson01 } from './lessons/l01Commands';
import { lesson02 } from './lessons/l02ImmutableEvents';
import { lesson03 } from './lessons/l03Ordering';
import { lesson04 } from './lessons/l04CannotReject';
import { lesson05 } from './lessons/l05SyncCoupling';
import { lesson06 } from './lessons/l06AsyncCalls';
import { lesson07 } from './lessons/l07PubSub';
import { lesson08 } from './lessons/l08QueueCommands';
import { lesson09 } from './lessons/l09FailedCommands';
import { lesson10 } from './lessons/l10EventChains';
import { lesson11 } from './lessons/l11OwnEvents';
import { lesson12 } from './lessons/l12Webhooks';
import { lesson13 } from './lessons/l13DualWrite';
import { lesson14 } from './lessons/l14SlowDownstream';

/** The guided lessons (MISSION §1–6), in teaching order. A lesson may tell one of the cases below. */
const lessons: Scenario[] = [
  ...lesson01,
  ...lesson02,
  ...lesson03,
  ...lesson04,
  ...lesson05,
  ...lesson06,
  ...lesson07,
  ...lesson08,
  ...lesson09,
  ...lesson10,
  ...lesson11,
  ...lesson12,
  ...lesson13,
  ...lesson14,
];

/** The real-world cases (shared/cases/README.md). */
const cases: Scenario[] = [checkoutSync, checkoutPubsub, c14Sync, c14Pubsub, ...kafkaCases, ...c7Scenarios, ...webhookCases];

/** Every built-in scenario, in the order the scenario list shows them: the lessons, then any case no lesson tells. */
export const builtinScenarios: Scenario[] = [...lessons, ...cases.filter((c) => !lessons.includes(c))];

export function findScenario(id: string): Scenario | undefined {
  return builtinScenarios.find((s) => s.id === id);
}
