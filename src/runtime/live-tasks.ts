/**
 * The tasks not done yet, in creation order (asyncio.all_tasks): an array with
 * holes where finished tasks were, each task knowing its slot. Adding and
 * removing cost no hashing (a Set's entries and rehashes showed in profiles of
 * 100,000-task runs), and tasks are not linked to each other (a list through
 * them made a chain of 100,000 nested tasks slower to collect).
 */
export interface Slotted {
  /** Index in the array, -1 when not in it. */
  _liveSlot: number;
}

export class LiveTasks<T extends Slotted> implements Iterable<T> {
  private slots: (T | null)[] = [];
  private holes = 0;

  get size(): number {
    return this.slots.length - this.holes;
  }

  add(task: T): void {
    // Close the holes once they are most of the array (here, so no walk is going on).
    if (this.holes > 64 && this.holes * 2 > this.slots.length) this.compact();
    task._liveSlot = this.slots.length;
    this.slots.push(task);
  }

  /** Remove a task (when it finishes); one not in the array is left alone. */
  delete(task: T): void {
    const slot = task._liveSlot;
    if (slot < 0 || this.slots[slot] !== task) return;
    this.slots[slot] = null;
    task._liveSlot = -1;
    this.holes++;
  }

  /** Oldest first; a task removed while iterating does not end the walk. */
  *[Symbol.iterator](): Iterator<T> {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const task = slots[i];
      if (task != null) yield task;
    }
  }

  private compact(): void {
    if (this.holes === this.slots.length) {
      // Nothing left to keep (a run's first task after a 100,000-task gather ended): no walk.
      this.slots = [];
      this.holes = 0;
      return;
    }
    const kept: T[] = [];
    for (const task of this.slots) {
      if (task === null) continue;
      task._liveSlot = kept.length;
      kept.push(task);
    }
    this.slots = kept;
    this.holes = 0;
  }
}
