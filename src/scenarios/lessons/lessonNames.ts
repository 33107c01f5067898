// The fourteen lessons of MISSION.md, in teaching order: the group names the scenario list shows.
// Scenarios (lessons and cases alike) take their `lesson` and its translation from here, so a name
// is spelled once and the tests can map every scenario to its lesson number.

export interface LessonName {
  en: string;
  'zh-CN': string;
}

export const LESSONS: readonly LessonName[] = [
  { en: '1 · Commands succeed or fail', 'zh-CN': '1 · 命令：成功或失败' },
  { en: '2 · Events are immutable facts', 'zh-CN': '2 · 事件：不可变的事实' },
  { en: '3 · Events are ordered', 'zh-CN': '3 · 事件是有序的' },
  { en: '4 · Events cannot be rejected', 'zh-CN': '4 · 事件不能被拒绝' },
  { en: '5 · Synchronous calls couple contexts', 'zh-CN': '5 · 同步调用让上下文耦合' },
  { en: '6 · Asynchronous calls with retries', 'zh-CN': '6 · 带重试的异步调用' },
  { en: '7 · Publish/subscribe', 'zh-CN': '7 · 发布/订阅' },
  { en: '8 · Asynchronous commands on a queue', 'zh-CN': '8 · 经由队列的异步命令' },
  { en: '9 · Failed commands as events', 'zh-CN': '9 · 把失败的命令发布为事件' },
  { en: '10 · Event chains', 'zh-CN': '10 · 事件链' },
  { en: '11 · Consuming our own events', 'zh-CN': '11 · 消费我们自己的事件' },
  { en: '12 · Third-party events via webhooks', 'zh-CN': '12 · 通过 Webhook 接收第三方事件' },
  { en: '13 · The dual write and the outbox', 'zh-CN': '13 · 双写陷阱与事务性发件箱' },
  { en: '14 · A slow downstream exhausts the caller', 'zh-CN': '14 · 缓慢的下游拖垮同步调用方' },
];

/** The lesson with this number (1-based). */
export function lesson(n: number): LessonName {
  const l = LESSONS[n - 1];
  if (!l) throw new Error(`no lesson ${n}`);
  return l;
}
