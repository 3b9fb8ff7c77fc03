"""Producer and consumers over an asyncio.Queue: join() waits for the work, then the consumers are cancelled.

    async-demo run examples/producer_consumer.py          watch the workers wait on Queue.get()
    async-demo run examples/producer_consumer.py -- 20    twenty jobs instead of eight

The producer puts jobs on a bounded queue (it waits on Queue.put() while the queue is full); three
workers take them (waiting on Queue.get() while it is empty) and mark each one done. queue.join()
returns once every job put has been marked done; the workers are still parked on Queue.get() then,
so main cancels them and gathers them to let their cleanup run. Cancel a worker yourself and the
others take over its share.
"""

import asyncio
import sys

JOBS = int(sys.argv[1]) if len(sys.argv) > 1 else 8


async def producer(queue):
    for job in range(1, JOBS + 1):
        await queue.put(job)  # waits while the queue is full
        print(f"put job {job}")
        await asyncio.sleep(0.2)


async def worker(name, queue):
    try:
        while True:
            job = await queue.get()  # waits while the queue is empty
            await asyncio.sleep(0.5 + job % 3 * 0.3)  # work on it
            print(f"{name} finished job {job}")
            queue.task_done()
    except asyncio.CancelledError:
        print(f"{name}: stopping")
        raise


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"worker-{n}", queue), name=f"worker-{n}") for n in (1, 2, 3)]
    await producer(queue)
    await queue.join()  # every job put has been marked done
    print("all jobs done")
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
