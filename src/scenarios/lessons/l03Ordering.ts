// Lesson 3 (MISSION §2): events are ordered, commands are not. Case C11 tells it: a cancel on
// another topic overtakes the order it cancels and is dropped; on one topic keyed by order id the
// two events share a partition and are consumed in order. The scenarios and their stories live
// with the other Kafka cases (kafkaCases.ts).
import type { Scenario } from '../../engine/types';
import { c11KeyedTopic, c11TwoTopics } from '../kafkaCases';

export const lesson03: Scenario[] = [c11TwoTopics, c11KeyedTopic];
