// What the Step buttons jump to: the next (or previous) moment a message lands somewhere.
// Arrivals, not departures, because a delivery is when something observable changes at the
// receiver; and strictly after/before t so repeated presses always move.

import { lowerBound, upperBound } from './search';
import type { TraceIndex } from './traceIndex';

/** Smallest hop arriveAt strictly greater than t; undefined when no message lands after t. */
export function nextDeliveryTime(index: TraceIndex, t: number): number | undefined {
  const i = upperBound(index.arrivals, t);
  return i < index.arrivals.length ? index.arrivals[i] : undefined;
}

/** Largest hop arriveAt strictly less than t; undefined when no message landed before t. */
export function previousDeliveryTime(index: TraceIndex, t: number): number | undefined {
  const i = lowerBound(index.arrivals, t) - 1;
  return i >= 0 ? index.arrivals[i] : undefined;
}
