// The engine's only clock: a binary min-heap of callbacks keyed by (virtual time, insertion order).
// Equal times run in the order they were scheduled, which keeps runs reproducible.

type Task = () => void;

export class Scheduler {
  now = 0;
  /** Number of tasks run so far (the benchmark's unit of work). */
  dispatched = 0;
  private times: number[] = [];
  private seqs: number[] = [];
  private tasks: Task[] = [];
  private seq = 0;

  get size(): number {
    return this.tasks.length;
  }

  at(time: number, task: Task): void {
    if (!(time >= this.now)) time = this.now; // also catches NaN: never schedule into the past
    const seq = this.seq++;
    const times = this.times;
    const seqs = this.seqs;
    const tasks = this.tasks;
    let i = tasks.length;
    times.push(time);
    seqs.push(seq);
    tasks.push(task);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      tasks[i] = tasks[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    tasks[i] = task;
  }

  after(delay: number, task: Task): void {
    this.at(this.now + delay, task);
  }

  /** Run tasks in order until none is left at or before `until`. */
  run(until: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const tasks = this.tasks;
    while (tasks.length > 0 && times[0] <= until) {
      this.now = times[0];
      const task = tasks[0];
      const lastTime = times.pop()!;
      const lastSeq = seqs.pop()!;
      const lastTask = tasks.pop()!;
      const n = tasks.length;
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
          i = c;
        }
        times[i] = lastTime;
        seqs[i] = lastSeq;
        tasks[i] = lastTask;
      }
      this.dispatched++;
      task();
    }
    if (until > this.now && Number.isFinite(until)) this.now = until;
  }
}
