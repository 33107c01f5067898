// The engine's only clock: a binary min-heap of callbacks keyed by (virtual time, insertion order).
// Equal times run in the order they were scheduled, which keeps runs reproducible.

//
// A task is a function and, optionally, one argument for it. Hot paths schedule a module-level
// function with the object it works on (`at(t, deliver, fetch)`) instead of a fresh closure: a long
// run schedules millions of tasks, and their closures and captured contexts were most of what the
// engine allocated.

type Task = (arg: any) => void;

/**
 * Tasks of one fixed delay — call timeouts, network hops — in the order they were set: their due
 * times never decrease, so a FIFO keeps them sorted by (time, seq) with O(1) insertion and removal
 * instead of the heap's O(log n). A cancelled entry leaves a hole (task undefined) that is skipped.
 * A ring buffer addressed by absolute position (`head` ≤ position < `tail`; slot = position & mask),
 * so tickets stay valid as the front is consumed and when the ring grows, and nothing is copied or
 * reallocated in the steady state.
 */
class Lane {
  times: Float64Array;
  seqs: Float64Array;
  tasks: (Task | undefined)[];
  args: unknown[];
  mask: number;
  head = 0;
  tail = 0;

  constructor(
    readonly delay: number,
    capacity = 64,
  ) {
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.tasks = new Array<Task | undefined>(capacity).fill(undefined);
    this.args = new Array<unknown>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  push(time: number, seq: number, task: Task, arg: unknown): number {
    if (this.tail - this.head > this.mask) this.grow();
    const position = this.tail++;
    const slot = position & this.mask;
    this.times[slot] = time;
    this.seqs[slot] = seq;
    this.tasks[slot] = task;
    this.args[slot] = arg;
    return position;
  }

  /** Skip cancelled entries; true when a live one is at the front. */
  live(): boolean {
    while (this.head < this.tail && this.tasks[this.head & this.mask] === undefined) this.head++;
    return this.head < this.tail;
  }

  private grow(): void {
    const bigger = new Lane(this.delay, (this.mask + 1) * 2);
    for (let position = this.head; position < this.tail; position++) {
      const from = position & this.mask;
      const to = position & bigger.mask;
      bigger.times[to] = this.times[from];
      bigger.seqs[to] = this.seqs[from];
      bigger.tasks[to] = this.tasks[from];
      bigger.args[to] = this.args[from];
    }
    this.times = bigger.times;
    this.seqs = bigger.seqs;
    this.tasks = bigger.tasks;
    this.args = bigger.args;
    this.mask = bigger.mask;
  }
}

export class Scheduler {
  now = 0;
  /** Number of tasks run so far (the benchmark's unit of work). Cancelled timers are not run. */
  dispatched = 0;
  private times: number[] = [];
  private seqs: number[] = [];
  // The heap lives in the first `count` slots of these arrays. They never shrink: popping and
  // pushing at the end made V8 trim and regrow their backing stores as the heap breathed, which was
  // a tenth of everything the engine allocated.
  private tasks: (Task | undefined)[] = [];
  private args: unknown[] = [];
  private count = 0;
  private seq = 0;
  /** One lane per fixed delay in use (a few at most: looked up by a linear scan). */
  private readonly lanes: Lane[] = [];

  get size(): number {
    let n = this.count;
    for (const lane of this.lanes) for (let i = lane.head; i < lane.tail; i++) if (lane.tasks[i & lane.mask]) n++;
    return n;
  }

  /**
   * Like `after(delay, task, arg)`, for delays that recur: a call's timeout (usually cancelled once
   * the answer came), a message crossing the network. Returns a ticket for `cancel(delay, ticket)`.
   * Ordering is exactly that of `after`: (time, then scheduling order) across lanes and the heap
   * alike. Lanes keep these out of the heap: pending timeouts do not slow every other task down,
   * and half of a long run's tasks (every hop's arrival) cost O(1) instead of O(log n).
   */
  timer<T>(delay: number, task: (arg: T) => void, arg?: T): number {
    if (!(delay >= 0) || delay === Infinity) {
      this.after(delay, task, arg);
      return -1;
    }
    return this.laneFor(delay).push(this.now + delay, this.seq++, task, arg);
  }

  private laneFor(delay: number): Lane {
    const lanes = this.lanes;
    for (let k = 0; k < lanes.length; k++) if (lanes[k].delay === delay) return lanes[k];
    const lane = new Lane(delay);
    lanes.push(lane);
    return lane;
  }

  /** Cancel a timer that has not fired yet (a no-op for one that has, or for ticket -1). */
  cancel(delay: number, ticket: number): void {
    if (ticket < 0) return;
    const lane = this.laneFor(delay);
    if (ticket >= lane.head && ticket < lane.tail) {
      lane.tasks[ticket & lane.mask] = undefined;
      lane.args[ticket & lane.mask] = undefined;
    }
  }

  /** Run `task(arg)` at virtual time `time` (never in the past). */
  at<T>(time: number, task: (arg: T) => void, arg?: T): void {
    if (!(time >= this.now)) time = this.now; // also catches NaN: never schedule into the past
    const seq = this.seq++;
    const times = this.times;
    const seqs = this.seqs;
    const tasks = this.tasks;
    const args = this.args;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      tasks[i] = tasks[parent];
      args[i] = args[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    tasks[i] = task;
    args[i] = arg;
  }

  after<T>(delay: number, task: (arg: T) => void, arg?: T): void {
    this.at(this.now + delay, task, arg);
  }

  /** Run tasks in time order up to `until`; throws SimulationLimitError after `maxDispatches` tasks. */
  run(until: number, maxDispatches = Infinity): void {
    const times = this.times;
    const seqs = this.seqs;
    const tasks = this.tasks;
    const args = this.args;
    const lanes = this.lanes;
    for (;;) {
      // The earliest of the heap's top and every timer lane's first live entry.
      let fromLane: Lane | undefined;
      let time = this.count > 0 ? times[0] : Infinity;
      let seq = this.count > 0 ? seqs[0] : Infinity;
      for (let k = 0; k < lanes.length; k++) {
        const lane = lanes[k];
        if (lane.live()) {
          const slot = lane.head & lane.mask;
          const t = lane.times[slot];
          const s = lane.seqs[slot];
          if (t < time || (t === time && s < seq)) {
            time = t;
            seq = s;
            fromLane = lane;
          }
        }
      }
      if (fromLane) {
        if (!(time <= until)) break;
        // Only a task that would run counts against the limit: a run of exactly maxDispatches ends.
        if (this.dispatched >= maxDispatches) throw new SimulationLimitError(this.now, this.dispatched);
        this.now = time;
        const slot = fromLane.head & fromLane.mask;
        const task = fromLane.tasks[slot]!;
        const arg = fromLane.args[slot];
        fromLane.tasks[slot] = undefined;
        fromLane.args[slot] = undefined;
        fromLane.head++;
        this.dispatched++;
        task(arg);
        continue;
      }
      if (!(this.count > 0 && times[0] <= until)) break;
      if (this.dispatched >= maxDispatches) throw new SimulationLimitError(this.now, this.dispatched);
      this.now = times[0];
      const task = tasks[0]!;
      const arg = args[0];
      const n = --this.count;
      const lastTime = times[n];
      const lastSeq = seqs[n];
      const lastTask = tasks[n];
      const lastArg = args[n];
      tasks[n] = undefined; // let the task and its argument be collected
      args[n] = undefined;
      if (n > 0) {
        // sift the last element down from the root
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= n) break;
          const r = l + 1;
          let c = l;
          if (r < n && (times[r] < times[l] || (times[r] === times[l] && seqs[r] < seqs[l]))) c = r;
          if (times[c] > lastTime || (times[c] === lastTime && seqs[c] > lastSeq)) break;
          times[i] = times[c];
          seqs[i] = seqs[c];
          tasks[i] = tasks[c];
          args[i] = args[c];
          i = c;
        }
        times[i] = lastTime;
        seqs[i] = lastSeq;
        tasks[i] = lastTask;
        args[i] = lastArg;
      }
      this.dispatched++;
      task(arg);
    }
    if (until > this.now && Number.isFinite(until)) this.now = until;
  }
}

/**
 * A run that would not end: e.g. a handler that always fails, retried with no delay, never lets
 * virtual time advance. Stopping with a clear message beats freezing the learner's browser.
 */
export class SimulationLimitError extends Error {
  constructor(
    readonly atMs: number,
    readonly steps: number,
  ) {
    super(`the run stopped after ${steps.toLocaleString('en')} steps at t = ${(atMs / 1000).toFixed(3)} s: something retries or loops without letting time pass (a zero backoff with a handler that always fails?), or the scenario is too large`);
  }
}
