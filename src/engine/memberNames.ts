// How consumers are named: the hosting service's id, then `-n` per instance when there are several,
// then `/group` (or `/queue`) when the service hosts several consumers. One function, used by the
// engine (which names its members), the view (which traces an `assign` record back to a service)
// and the scenario reader (which refuses two consumers with one name).
import type { ServiceSpec } from './types';

export interface ConsumerName {
  id: string;
  /** Group (Kafka-like consumer) or queue (point-to-point consumer). */
  of: string;
  kind: 'member' | 'queue-consumer';
  /** Index into the service's `consumers` or `queueConsumers`. */
  index: number;
}

export function consumerNames(service: ServiceSpec): ConsumerName[] {
  const out: ConsumerName[] = [];
  service.consumers.forEach((c, index) => {
    for (let i = 0; i < c.instances; i++) {
      const suffix = (c.instances > 1 ? `-${i + 1}` : '') + (service.consumers.length > 1 ? `/${c.group}` : '');
      out.push({ id: service.id + suffix, of: c.group, kind: 'member', index });
    }
  });
  const qcs = service.queueConsumers ?? [];
  qcs.forEach((c, index) => {
    for (let i = 0; i < c.instances; i++) {
      const suffix = (c.instances > 1 ? `-${i + 1}` : '') + (qcs.length > 1 ? `/${c.queue}` : '');
      out.push({ id: service.id + suffix, of: c.queue, kind: 'queue-consumer', index });
    }
  });
  return out;
}
