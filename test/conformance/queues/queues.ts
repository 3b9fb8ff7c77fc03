// Ported from CPython 3.13's Lib/test/test_asyncio/test_queues.py.
import {
  CancelledError,
  coroutine,
  createTask,
  Event,
  getRunningLoop,
  LifoQueue,
  PriorityQueue,
  print,
  Queue,
  repr,
  sleep,
  str,
  type Task,
  taskGroup,
  tuple,
  waitFor,
} from "../../../src/index.js";
import { aoutcome, norm, outcome, runTests } from "../harness.js";

const QUEUES = [Queue, LifoQueue, PriorityQueue];

const reprOrStr = coroutine(async function repr_or_str(fn: (q: unknown) => string) {
  let q = new Queue<number>();
  print(norm(fn(q)), fn(q).startsWith("<Queue"));
  q = new Queue<number>();
  let getter: Task<number> | undefined;
  await taskGroup(async (tg) => {
    getter = tg.createTask(q.get());
    await sleep(0);
    print(norm(fn(q)), fn(q).includes("_getters[1]"));
    q.putNowait(0);
  });
  print(await (getter as Task<number>));
  q = new Queue<number>(1);
  let putter: Task<void> | undefined;
  await taskGroup(async (tg) => {
    q.putNowait(1);
    putter = tg.createTask(q.put(2));
    await sleep(0);
    print(norm(fn(q)), fn(q).includes("_putters[1]"));
    q.getNowait();
  });
  print(putter?.done(), norm(fn(q)));
  q = new Queue<number>();
  q.putNowait(1);
  print(norm(fn(q)), fn(q).includes("_queue=[1]"));
});

// test_queues.py::QueueBasicTests::test_repr
const queue_repr = coroutine(async function queue_repr() {
  // (The test also checks that repr() shows the queue's address: JavaScript has none.)
  await reprOrStr(repr);
});

// test_queues.py::QueueBasicTests::test_str
const queue_str = coroutine(async function queue_str() {
  await reprOrStr(str);
});

// test_queues.py::QueueBasicTests::test_empty
const empty = coroutine(async function empty() {
  const q = new Queue<number>();
  print(q.empty());
  await q.put(1);
  print(q.empty());
  print(await q.get());
  print(q.empty());
});

// test_queues.py::QueueBasicTests::test_full
const full = coroutine(async function full() {
  let q = new Queue<number>();
  print(q.full());
  q = new Queue<number>(1);
  await q.put(1);
  print(q.full());
});

// test_queues.py::QueueBasicTests::test_order
const order = coroutine(async function order() {
  const q = new Queue<number>();
  for (const i of [1, 3, 2]) await q.put(i);
  print([await q.get(), await q.get(), await q.get()]);
});

// test_queues.py::QueueBasicTests::test_maxsize
const maxsize = coroutine(async function maxsize() {
  const q = new Queue<number>(2);
  print(q.maxsize);
  const haveBeenPut: number[] = [];
  const putter = coroutine(async function putter() {
    for (let i = 0; i < 3; i++) {
      await q.put(i);
      haveBeenPut.push(i);
    }
    return true;
  });
  const t = createTask(putter());
  for (let i = 0; i < 2; i++) await sleep(0);
  print(haveBeenPut);
  print(await q.get());
  await sleep(0);
  print(haveBeenPut);
  print(await q.get(), await q.get());
  print(t.done(), t.result());
});

// test_queues.py::QueueGetTests::test_blocking_get
const blocking_get = coroutine(async function blocking_get() {
  const q = new Queue<number>();
  q.putNowait(1);
  print(await q.get());
});

// test_queues.py::QueueGetTests::test_get_with_putters
const get_with_putters = coroutine(async function get_with_putters() {
  const loop = getRunningLoop();
  const q = new Queue<number>(1);
  await q.put(1);
  const waiter = loop.createFuture<void>();
  q._putters.push(waiter);
  print(await q.get(), waiter.done(), waiter.result());
});

// test_queues.py::QueueGetTests::test_blocking_get_wait
const blocking_get_wait = coroutine(async function blocking_get_wait() {
  const loop = getRunningLoop();
  const q = new Queue<number>();
  const started = new Event();
  let finished = false;
  const queueGet = coroutine(async function queue_get() {
    started.set();
    const res = await q.get();
    finished = true;
    return res;
  });
  const queueGetTask = createTask(queueGet());
  await started.wait();
  print(finished);
  loop.callLater(0.01, (x: number) => q.putNowait(x), 1);
  const res = await queueGetTask;
  print(finished, res, loop.time());
});

// test_queues.py::QueueGetTests::test_nonblocking_get
function nonblocking_get() {
  const q = new Queue<number>();
  q.putNowait(1);
  print(q.getNowait());
}

// test_queues.py::QueueGetTests::test_nonblocking_get_exception
function nonblocking_get_exception() {
  const q = new Queue<number>();
  print(outcome(() => q.getNowait()));
}

// test_queues.py::QueueGetTests::test_get_cancelled_race
const get_cancelled_race = coroutine(async function get_cancelled_race() {
  const q = new Queue<string>();
  const t1 = createTask(q.get());
  const t2 = createTask(q.get());
  await sleep(0);
  t1.cancel();
  await sleep(0);
  print(t1.done());
  await q.put("a");
  await sleep(0);
  print(await t2);
});

// test_queues.py::QueueGetTests::test_get_with_waiting_putters
const get_with_waiting_putters = coroutine(async function get_with_waiting_putters() {
  const q = new Queue<string>(1);
  createTask(q.put("a"));
  createTask(q.put("b"));
  print(await q.get(), await q.get());
});

// test_queues.py::QueueGetTests::test_why_are_getters_waiting
const why_are_getters_waiting = coroutine(async function why_are_getters_waiting() {
  const got: number[] = [];
  const consumer = coroutine(async function consumer(queue: Queue<number>, numExpected: number) {
    for (let i = 0; i < numExpected; i++) got.push(await queue.get());
  });
  const producer = coroutine(async function producer(queue: Queue<number>, numItems: number) {
    for (let i = 0; i < numItems; i++) await queue.put(i);
  });
  const q = new Queue<number>(1);
  await taskGroup(async (tg) => {
    tg.createTask(producer(q, 5));
    tg.createTask(consumer(q, 5));
  });
  print(got);
});

// test_queues.py::QueueGetTests::test_cancelled_getters_not_being_held_in_self_getters
const cancelled_getters_not_being_held_in_self_getters = coroutine(
  async function cancelled_getters_not_being_held_in_self_getters() {
    const queue = new Queue<number>(5);
    print(await aoutcome(waitFor(queue.get(), 0.1)));
    print(queue._getters.length);
  },
);

// test_queues.py::QueuePutTests::test_blocking_put
const blocking_put = coroutine(async function blocking_put() {
  const q = new Queue<number>();
  await q.put(1);
  print(await q.get());
});

// test_queues.py::QueuePutTests::test_blocking_put_wait
const blocking_put_wait = coroutine(async function blocking_put_wait() {
  const q = new Queue<number>(1);
  const started = new Event();
  let finished = false;
  const queuePut = coroutine(async function queue_put() {
    started.set();
    await q.put(1);
    await q.put(2);
    finished = true;
  });
  const loop = getRunningLoop();
  loop.callLater(0.01, () => q.getNowait());
  const queuePutTask = createTask(queuePut());
  await started.wait();
  print(finished);
  await queuePutTask;
  print(finished, q.qsize());
});

// test_queues.py::QueuePutTests::test_nonblocking_put
function nonblocking_put() {
  const q = new Queue<number>();
  q.putNowait(1);
  print(q.getNowait());
}

// test_queues.py::QueuePutTests::test_get_cancel_drop_one_pending_reader
const get_cancel_drop_one_pending_reader = coroutine(async function get_cancel_drop_one_pending_reader() {
  const q = new Queue<number>();
  let reader = createTask(q.get());
  await sleep(0);
  q.putNowait(1);
  q.putNowait(2);
  reader.cancel();
  try {
    await reader;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("cancelled: try again");
    reader = createTask(q.get());
    await reader;
  }
  // 2 would mean 1 was dropped.
  print(reader.result());
});

// test_queues.py::QueuePutTests::test_get_cancel_drop_many_pending_readers
const get_cancel_drop_many_pending_readers = coroutine(async function get_cancel_drop_many_pending_readers() {
  const q = new Queue<number>();
  let readers: Task<number>[] = [];
  await taskGroup(async (tg) => {
    readers = [tg.createTask(q.get()), tg.createTask(q.get()), tg.createTask(q.get())];
    await sleep(0);
    q.putNowait(1);
    q.putNowait(2);
    readers[0]?.cancel();
    print(await aoutcome(readers[0] as Task<number>));
    await readers[2];
  });
  print([readers[1]?.result(), readers[2]?.result()].sort());
});

// test_queues.py::QueuePutTests::test_put_cancel_drop
const put_cancel_drop = coroutine(async function put_cancel_drop() {
  const q = new Queue<number>(1);
  q.putNowait(1);
  let writer = createTask(q.put(2));
  await sleep(0);
  print(q.getNowait());
  writer.cancel();
  try {
    await writer;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("cancelled: try again");
    writer = createTask(q.put(2));
    await writer;
  }
  print(q.getNowait(), q.qsize());
});

// test_queues.py::QueuePutTests::test_nonblocking_put_exception
function nonblocking_put_exception() {
  const q = new Queue<number>(1);
  q.putNowait(1);
  print(outcome(() => q.putNowait(2)));
}

// test_queues.py::QueuePutTests::test_float_maxsize
const float_maxsize = coroutine(async function float_maxsize() {
  let q = new Queue<number>(1.3);
  q.putNowait(1);
  q.putNowait(2);
  print(
    q.full(),
    outcome(() => q.putNowait(3)),
  );
  q = new Queue<number>(1.3);
  await q.put(1);
  await q.put(2);
  print(q.full());
});

// test_queues.py::QueuePutTests::test_put_cancelled
const put_cancelled = coroutine(async function put_cancelled() {
  const q = new Queue<number>();
  const queuePut = coroutine(async function queue_put() {
    await q.put(1);
    return true;
  });
  const t = createTask(queuePut());
  print(await q.get(), t.done(), t.result());
});

// test_queues.py::QueuePutTests::test_put_cancelled_race
const put_cancelled_race = coroutine(async function put_cancelled_race() {
  const q = new Queue<string>(1);
  const putA = createTask(q.put("a"));
  const putB = createTask(q.put("b"));
  const putC = createTask(q.put("X"));
  await sleep(0);
  print(putA.done(), putB.done());
  putC.cancel();
  await sleep(0);
  print(putC.done(), q.getNowait());
  await sleep(0);
  print(q.getNowait());
  await putB;
});

// test_queues.py::QueuePutTests::test_put_with_waiting_getters
const put_with_waiting_getters = coroutine(async function put_with_waiting_getters() {
  const q = new Queue<string>();
  const t = createTask(q.get());
  await sleep(0);
  await q.put("a");
  print(await t);
});

// test_queues.py::QueuePutTests::test_why_are_putters_waiting
const why_are_putters_waiting = coroutine(async function why_are_putters_waiting() {
  const queue = new Queue<number>(2);
  const got: number[] = [];
  const putter = coroutine(async function putter(item: number) {
    await queue.put(item);
  });
  const getter = coroutine(async function getter() {
    await sleep(0);
    const num = queue.qsize();
    for (let i = 0; i < num; i++) got.push(queue.getNowait());
  });
  await taskGroup(async (tg) => {
    tg.createTask(getter());
    tg.createTask(putter(0));
    tg.createTask(putter(1));
    tg.createTask(putter(2));
    tg.createTask(putter(3));
  });
  print(got, queue.qsize(), queue.getNowait(), queue.getNowait());
});

// test_queues.py::QueuePutTests::test_cancelled_puts_not_being_held_in_self_putters
const cancelled_puts_not_being_held_in_self_putters = coroutine(
  async function cancelled_puts_not_being_held_in_self_putters() {
    const queue = new Queue<number>(1);
    queue.putNowait(1);
    const putTask = createTask(queue.put(1));
    await sleep(0);
    print(queue._putters.length);
    putTask.cancel();
    print(await aoutcome(putTask));
    print(queue._putters.length);
  },
);

// test_queues.py::QueuePutTests::test_cancelled_put_silence_value_error_exception
const cancelled_put_silence_value_error_exception = coroutine(
  async function cancelled_put_silence_value_error_exception() {
    const queue = new Queue<number>(1);
    queue.putNowait(1);
    const putTask = createTask(queue.put(1));
    await sleep(0);
    // getNowait() takes the putter out of _putters; the cancelled put() must not mind.
    queue.getNowait();
    putTask.cancel();
    print(await aoutcome(putTask));
  },
);

// test_queues.py::LifoQueueTests::test_order
const lifo_order = coroutine(async function lifo_order() {
  const q = new LifoQueue<number>();
  for (const i of [1, 3, 2]) await q.put(i);
  print([await q.get(), await q.get(), await q.get()]);
});

// test_queues.py::PriorityQueueTests::test_order
const priority_order = coroutine(async function priority_order() {
  const q = new PriorityQueue<unknown>();
  for (const i of [1, 3, 2]) await q.put(i);
  print([await q.get(), await q.get(), await q.get()]);
  // Equal priorities and tuples come out as heapq orders them.
  for (const item of [tuple(2, "b"), tuple(1, "z"), tuple(2, "a"), tuple(1, "a"), tuple(0, "x")]) q.putNowait(item);
  print(q._queue);
  print([1, 2, 3, 4, 5].map(() => q.getNowait()));
  q.putNowait(1);
  print(outcome(() => q.putNowait("one")));
});

// test_queues.py::_QueueJoinTestMixin::test_task_done_underflow
function task_done_underflow() {
  for (const cls of QUEUES)
    print(
      cls.name,
      outcome(() => new cls().taskDone()),
    );
}

// test_queues.py::_QueueJoinTestMixin::test_task_done
const task_done = coroutine(async function task_done() {
  for (const cls of QUEUES) {
    const q = new cls<number>();
    for (let i = 0; i < 100; i++) q.putNowait(i);
    let accumulator = 0;
    let running = true;
    const seen: number[] = [];
    const worker = coroutine(async function worker(name: number) {
      while (running) {
        const item = await q.get();
        accumulator += item;
        seen.push(name);
        q.taskDone();
      }
    });
    await taskGroup(async (tg) => {
      const tasks = [0, 1].map((index) => tg.createTask(worker(index)));
      await q.join();
      print(cls.name, accumulator, 4950, seen.filter((n) => n === 0).length, seen.filter((n) => n === 1).length);
      running = false;
      for (let i = 0; i < tasks.length; i++) q.putNowait(0);
    });
  }
});

// test_queues.py::_QueueJoinTestMixin::test_join_empty_queue
const join_empty_queue = coroutine(async function join_empty_queue() {
  for (const cls of QUEUES) {
    const q = new cls();
    await q.join();
    await q.join();
    print(cls.name, "joined");
  }
});

// test_queues.py::_QueueJoinTestMixin::test_format
function join_format() {
  for (const cls of QUEUES) {
    const q = new cls();
    print(q._format());
    q._unfinishedTasks = 2;
    print(q._format());
  }
}

// test_queues.py::_QueueShutdownTestMixin::test_format
const shutdown_format = coroutine(async function shutdown_format() {
  for (const cls of QUEUES) {
    const q = new cls();
    q.shutdown();
    print(q._format());
  }
});

// test_queues.py::_QueueShutdownTestMixin::test_shutdown_empty
const shutdown_empty = coroutine(async function shutdown_empty() {
  for (const cls of QUEUES) {
    const q = new cls<string>();
    const getTask = createTask(q.get());
    await sleep(0);
    q.shutdown(false);
    print(cls.name, q.qsize());
    await q.join();
    await sleep(0);
    print(getTask.done(), await aoutcome(getTask));
    print(
      await aoutcome(q.put("data")),
      outcome(() => q.putNowait("data")),
    );
    print(
      await aoutcome(q.get()),
      outcome(() => q.getNowait()),
    );
  }
});

// test_queues.py::_QueueShutdownTestMixin::test_shutdown_nonempty
const shutdown_nonempty = coroutine(async function shutdown_nonempty() {
  for (const cls of QUEUES) {
    const q = new cls<string>(1);
    q.putNowait("data");
    const joinTask = createTask(q.join());
    const putTask = createTask(q.put("data2"));
    await sleep(0);
    print(cls.name, putTask.done());
    q.shutdown(false);
    print(q.qsize());
    await sleep(0);
    print(putTask.done(), await aoutcome(putTask));
    print(await q.get());
    await sleep(0);
    print(joinTask.done());
    print(
      await aoutcome(q.put("data")),
      outcome(() => q.putNowait("data")),
    );
    print(
      await aoutcome(q.get()),
      outcome(() => q.getNowait()),
    );
    q.taskDone();
    await sleep(0);
    print(joinTask.done(), await joinTask);
    print(outcome(() => q.taskDone()));
  }
});

// test_queues.py::_QueueShutdownTestMixin::test_shutdown_immediate
const shutdown_immediate = coroutine(async function shutdown_immediate() {
  for (const cls of QUEUES) {
    const q = new cls<string>();
    q.putNowait("data");
    const joinTask = createTask(q.join());
    q.shutdown(true);
    print(cls.name, q.qsize());
    await sleep(0);
    print(joinTask.done(), await joinTask);
    print(
      await aoutcome(q.put("data")),
      outcome(() => q.putNowait("data")),
    );
    print(
      await aoutcome(q.get()),
      outcome(() => q.getNowait()),
    );
    print(outcome(() => q.taskDone()));
  }
});

// test_queues.py::_QueueShutdownTestMixin::test_shutdown_immediate_with_unfinished
const shutdown_immediate_with_unfinished = coroutine(async function shutdown_immediate_with_unfinished() {
  for (const cls of QUEUES) {
    const q = new cls<string>();
    q.putNowait("data");
    q.putNowait("data");
    const joinTask = createTask(q.join());
    print(cls.name, await q.get());
    q.shutdown(true);
    print(q.qsize());
    await sleep(0);
    print(joinTask.done());
    print(
      await aoutcome(q.put("data")),
      outcome(() => q.putNowait("data")),
    );
    print(
      await aoutcome(q.get()),
      outcome(() => q.getNowait()),
    );
    q.taskDone();
    print(outcome(() => q.taskDone()));
    await sleep(0);
    print(joinTask.done(), await joinTask);
  }
});

export default () =>
  runTests(
    queue_repr,
    queue_str,
    empty,
    full,
    order,
    maxsize,
    blocking_get,
    get_with_putters,
    blocking_get_wait,
    nonblocking_get,
    nonblocking_get_exception,
    get_cancelled_race,
    get_with_waiting_putters,
    why_are_getters_waiting,
    cancelled_getters_not_being_held_in_self_getters,
    blocking_put,
    blocking_put_wait,
    nonblocking_put,
    get_cancel_drop_one_pending_reader,
    get_cancel_drop_many_pending_readers,
    put_cancel_drop,
    nonblocking_put_exception,
    float_maxsize,
    put_cancelled,
    put_cancelled_race,
    put_with_waiting_getters,
    why_are_putters_waiting,
    cancelled_puts_not_being_held_in_self_putters,
    cancelled_put_silence_value_error_exception,
    lifo_order,
    priority_order,
    task_done_underflow,
    task_done,
    join_empty_queue,
    join_format,
    shutdown_format,
    shutdown_empty,
    shutdown_nonempty,
    shutdown_immediate,
    shutdown_immediate_with_unfinished,
  );
