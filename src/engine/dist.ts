import type { Dist } from './types';
import type { Random } from './random';

/** Draw a duration in virtual ms; never negative. */
export function sample(dist: Dist, random: Random): number {
  switch (dist.kind) {
    case 'const':
      return dist.ms;
    case 'exp':
      return random.exponential(dist.meanMs);
    case 'uniform':
      return dist.minMs + (dist.maxMs - dist.minMs) * random.next();
    case 'lognormal':
      return dist.medianMs * Math.exp(dist.sigma * random.normal());
  }
}

export function meanOf(dist: Dist): number {
  switch (dist.kind) {
    case 'const':
      return dist.ms;
    case 'exp':
      return dist.meanMs;
    case 'uniform':
      return (dist.minMs + dist.maxMs) / 2;
    case 'lognormal':
      return dist.medianMs * Math.exp((dist.sigma * dist.sigma) / 2);
  }
}
