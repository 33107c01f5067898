import type { Sim } from './sim';
import type { EventInfo, StateMachineSpec } from './types';

/**
 * A service's business state per entity (e.g. each order's status), changed by the events it
 * consumes. An event that finds its entity in a state it cannot apply to is dropped — which is how
 * processing order-canceled before order-placed silently corrupts state (case C11).
 */
export class EntityState {
  private readonly states = new Map<string, string>();

  constructor(
    private readonly sim: Sim,
    private readonly service: string,
    private readonly spec: StateMachineSpec,
  ) {}

  apply(event: EventInfo): void {
    // Own properties only: an event type such as `toString` must not find Object.prototype's.
    if (!Object.hasOwn(this.spec.transitions, event.type)) return;
    const transition = this.spec.transitions[event.type];
    const current = this.states.get(event.key) ?? this.spec.initial;
    if (transition.from.includes(current)) {
      this.states.set(event.key, transition.to);
      this.sim.record({ type: 'state', t: this.sim.now, service: this.service, key: event.key, from: current, to: transition.to, event: event.id });
    } else {
      this.sim.record({ type: 'dropped', t: this.sim.now, service: this.service, key: event.key, state: current, event: event.id, eventType: event.type });
    }
  }
}
