/**
 * The tasks not done yet, in creation order (asyncio.all_tasks): a doubly
 * linked list through the tasks themselves. A Set cost a hash entry per task
 * and a rehash as it grew; at 100,000 tasks adding and removing showed up in
 * profiles, and the links cost two words in objects that exist anyway.
 */
export interface Linked {
  _prevLive: Linked | null;
  _nextLive: Linked | null;
}

export class LiveTasks<T extends Linked> implements Iterable<T> {
  private _first: T | null = null;
  private _last: T | null = null;
  size = 0;

  add(task: T): void {
    task._prevLive = this._last;
    task._nextLive = null;
    if (this._last === null) this._first = task;
    else this._last._nextLive = task;
    this._last = task;
    this.size++;
  }

  /** Remove a task (when it finishes); one not in the list is left alone. */
  delete(task: T): void {
    const prev = task._prevLive as T | null;
    const next = task._nextLive as T | null;
    if (prev === null && next === null && this._first !== task) return;
    if (prev === null) this._first = next;
    else prev._nextLive = next;
    if (next === null) this._last = prev;
    else next._prevLive = prev;
    task._prevLive = null;
    task._nextLive = null;
    this.size--;
  }

  /** Oldest first; a task removed while iterating does not end the walk. */
  *[Symbol.iterator](): Iterator<T> {
    let task = this._first;
    while (task !== null) {
      const next = task._nextLive as T | null;
      yield task;
      task = next;
    }
  }
}
