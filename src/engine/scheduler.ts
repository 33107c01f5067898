// The engine's only clock: a binary min-heap of callbacks keyed by (virtual time, insertion order).
// Equal times run in the order they were scheduled, which keeps runs reproducible.

//
// A task is a function and, optionally, one argument for it. Hot paths schedule a module-level
// function with the object it works on (`at(t, deliver, fetch)`) instead of a fresh closure: a long
// run schedules millions of tasks, and their closures and captured contexts were most of what the
// engine allocated.

type Task = (arg: any) => void;

/**
 * Timers of one fixed delay, in the order they were set: their due times never decrease, so a FIFO
 * keeps them sorted by (time, seq) with O(1) insertion. A cancelled timer leaves a hole (undefined)
 * that is skipped. Entries are addressed by absolute index (`removed` + position) so a cancel still
 * finds its slot after the consumed front has been dropped.
 */
class TimerLane {
  times: number[] = [];
  seqs: number[] = [];
  tasks: (Task | undefined)[] = [];
  args: unknown[] = [];
  head = 0;
  removed = 0;
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
  private readonly lanes = new Map<number, TimerLane>();
  private readonly laneList: TimerLane[] = [];

  get size(): number {
    let n = this.count;
    for (const lane of this.laneList) for (let i = lane.head; i < lane.tasks.length; i++) if (lane.tasks[i]) n++;
    return n;
  }

  /**
   * Like `after(delay, task)`, for timeouts that are usually cancelled before they fire (a call's
   * timeout once the answer came). Returns a ticket for `cancel(delay, ticket)`. Ordering is exactly
   * that of `after`: (time, then scheduling order) across timers and ordinary tasks alike. Timers
   * stay out of the heap, so thousands of pending timeouts do not slow every other task down.
   */
  timer<T>(delay: number, task: (arg: T) => void, arg?: T): number {
    if (!(delay >= 0) || delay === Infinity) {
      this.after(delay, task, arg);
      return -1;
    }
    let lane = this.lanes.get(delay);
    if (!lane) {
      lane = new TimerLane();
      this.lanes.set(delay, lane);
      this.laneList.push(lane);
    }
    const index = lane.tasks.length;
    lane.times.push(this.now + delay);
    lane.seqs.push(this.seq++);
    lane.tasks.push(task);
    lane.args.push(arg);
    return lane.removed + index;
  }

  /** Cancel a timer that has not fired yet (a no-op for one that has, or for ticket -1). */
  cancel(delay: number, ticket: number): void {
    const lane = this.lanes.get(delay);
    if (!lane || ticket < 0) return;
    const index = ticket - lane.removed;
    if (index >= lane.head && index < lane.tasks.length) {
      lane.tasks[index] = undefined;
      lane.args[index] = undefined;
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
    const lanes = this.laneList;
    for (;;) {
      // The earliest of the heap's top and every timer lane's first live entry.
      let fromLane: TimerLane | undefined;
      let time = this.count > 0 ? times[0] : Infinity;
      let seq = this.count > 0 ? seqs[0] : Infinity;
      for (let k = 0; k < lanes.length; k++) {
        const lane = lanes[k];
        const laneTasks = lane.tasks;
        let head = lane.head;
        while (head < laneTasks.length && laneTasks[head] === undefined) head++;
        if (head > 1024 && head * 2 > laneTasks.length) {
          // Drop the consumed front so a long run does not keep every timer ever set.
          lane.times = lane.times.slice(head);
          lane.seqs = lane.seqs.slice(head);
          lane.tasks = laneTasks.slice(head);
          lane.args = lane.args.slice(head);
          lane.removed += head;
          head = 0;
        }
        lane.head = head;
        if (head < lane.tasks.length) {
          const t = lane.times[head];
          const s = lane.seqs[head];
          if (t < time || (t === time && s < seq)) {
            time = t;
            seq = s;
            fromLane = lane;
          }
        }
      }
      if (this.dispatched >= maxDispatches) throw new SimulationLimitError(this.now, this.dispatched);
      if (fromLane) {
        if (!(time <= until)) break;
        this.now = time;
        const task = fromLane.tasks[fromLane.head]!;
        const arg = fromLane.args[fromLane.head];
        fromLane.tasks[fromLane.head] = undefined;
        fromLane.args[fromLane.head] = undefined;
        fromLane.head++;
        this.dispatched++;
        task(arg);
        continue;
      }
      if (!(this.count > 0 && times[0] <= until)) break;
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
