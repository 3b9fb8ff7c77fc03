/**
 * queueMicrotask(fn), without what Node adds to it: an AsyncResource and a
 * bound function per call, allocated for every await in a 100,000-task
 * gather. The loop ends each step one microtask after its await with this.
 */
const RESOLVED = Promise.resolve();

export function afterQueuedMicrotasks(fn: () => void): void {
  void RESOLVED.then(fn);
}
