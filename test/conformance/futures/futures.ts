// Ported from CPython 3.13's Lib/test/test_asyncio/test_futures.py (BaseFutureTests and
// BaseFutureDoneCallbackTests, which CPython runs for its C and Python futures alike).
// "Future exception was never retrieved" comes when CPython collects the future, and at
// the end of run() here (README, Known differences): both before the next test starts.
import { coroutine, type Future, getRunningLoop, print, RuntimeError, repr, sleep } from "../../../src/index.js";
import { aoutcome, norm, outcome, runTests } from "../harness.js";

function newFuture<T = unknown>(): Future<T> {
  return getRunningLoop().createFuture<T>();
}

function _fakefunc(f: unknown) {
  return f;
}

function first_cb() {}

function last_cb() {}

// test_futures.py::BaseFutureTests::test_initial_state
const initial_state = coroutine(async function initial_state() {
  const f = newFuture();
  print(f.cancelled(), f.done());
  f.cancel();
  print(f.cancelled());
});

// test_futures.py::BaseFutureTests::test_future_cancel_message_getter
const future_cancel_message_getter = coroutine(async function future_cancel_message_getter() {
  const f = newFuture();
  print("_cancelMessage" in f, f._cancelMessage);
  f.cancel("my message");
  print(await aoutcome(f));
  print(f._cancelMessage);
});

// test_futures.py::BaseFutureTests::test_future_cancel_message_setter
const future_cancel_message_setter = coroutine(async function future_cancel_message_setter() {
  const f = newFuture();
  f.cancel("my message");
  f._cancelMessage = "my new message";
  print(f._cancelMessage);
  // The new message is the one raised.
  print(await aoutcome(f));
  print(f._cancelMessage);
});

// test_futures.py::BaseFutureTests::test_cancel
const cancel = coroutine(async function cancel() {
  const f = newFuture();
  print(f.cancel(), f.cancelled(), f.done());
  print(outcome(() => f.result()));
  print(outcome(() => f.exception()));
  print(outcome(() => f.setResult(undefined)));
  print(outcome(() => f.setException(undefined)));
  print(f.cancel());
});

// test_futures.py::BaseFutureTests::test_result
const result = coroutine(async function result() {
  const f = newFuture<number>();
  print(outcome(() => f.result()));
  f.setResult(42);
  print(f.cancelled(), f.done(), f.result(), f.exception());
  print(outcome(() => f.setResult(0)));
  print(outcome(() => f.setException(undefined)));
  print(f.cancel());
});

// test_futures.py::BaseFutureTests::test_exception
const exception = coroutine(async function exception() {
  const exc = new RuntimeError();
  const f = newFuture();
  print(outcome(() => f.exception()));
  f.setException(exc);
  print(f.cancelled(), f.done());
  print(outcome(() => f.result()));
  print(f.exception() === exc);
  print(outcome(() => f.setResult(undefined)));
  print(outcome(() => f.setException(undefined)));
  print(f.cancel());
});

// test_futures.py::BaseFutureTests::test_exception_class
const exception_class = coroutine(async function exception_class() {
  const f = newFuture();
  f.setException(RuntimeError);
  print(repr(f.exception()), f.exception() instanceof RuntimeError);
});

// test_futures.py::BaseFutureTests::test_future_repr
const future_repr = coroutine(async function future_repr() {
  // (Debug mode's `created at file:line` is left out: no debug mode here.)
  const fPending = newFuture();
  print(repr(fPending));
  fPending.cancel();
  const fCancelled = newFuture();
  fCancelled.cancel();
  print(repr(fCancelled));
  const fResult = newFuture<number>();
  fResult.setResult(4);
  print(repr(fResult), fResult.result());
  const exc = new RuntimeError();
  const fException = newFuture();
  fException.setException(exc);
  print(repr(fException), fException.exception() === exc);
  const fOneCallbacks = newFuture();
  fOneCallbacks.addDoneCallback(_fakefunc);
  print(norm(repr(fOneCallbacks)));
  fOneCallbacks.cancel();
  print(repr(fOneCallbacks));
  const fTwoCallbacks = newFuture();
  fTwoCallbacks.addDoneCallback(first_cb);
  fTwoCallbacks.addDoneCallback(last_cb);
  print(norm(repr(fTwoCallbacks)));
  const fManyCallbacks = newFuture();
  fManyCallbacks.addDoneCallback(first_cb);
  for (let i = 0; i < 8; i++) fManyCallbacks.addDoneCallback(_fakefunc);
  fManyCallbacks.addDoneCallback(last_cb);
  print(norm(repr(fManyCallbacks)));
  fManyCallbacks.cancel();
  print(repr(fManyCallbacks));
});

/** What the tests' patched logger sees: the exception handler's calls. */
function neverRetrievedLogger() {
  getRunningLoop().setExceptionHandler((_loop, context) => {
    print("handler:", context.message, repr(context.exception));
  });
}

// test_futures.py::BaseFutureTests::test_tb_logger_abandoned
const tb_logger_abandoned = coroutine(async function tb_logger_abandoned() {
  neverRetrievedLogger();
  newFuture();
});

// test_futures.py::BaseFutureTests::test_tb_logger_not_called_after_cancel
const tb_logger_not_called_after_cancel = coroutine(async function tb_logger_not_called_after_cancel() {
  neverRetrievedLogger();
  const fut = newFuture();
  fut.setException(new Error());
  fut.cancel();
});

// test_futures.py::BaseFutureTests::test_tb_logger_result_unretrieved
const tb_logger_result_unretrieved = coroutine(async function tb_logger_result_unretrieved() {
  neverRetrievedLogger();
  const fut = newFuture<number>();
  fut.setResult(42);
});

// test_futures.py::BaseFutureTests::test_tb_logger_result_retrieved
const tb_logger_result_retrieved = coroutine(async function tb_logger_result_retrieved() {
  neverRetrievedLogger();
  const fut = newFuture<number>();
  fut.setResult(42);
  fut.result();
});

// test_futures.py::BaseFutureTests::test_tb_logger_exception_unretrieved
const tb_logger_exception_unretrieved = coroutine(async function tb_logger_exception_unretrieved() {
  neverRetrievedLogger();
  const fut = newFuture();
  fut.setException(new RuntimeError("boom"));
  await sleep(0);
});

// test_futures.py::BaseFutureTests::test_tb_logger_exception_retrieved
const tb_logger_exception_retrieved = coroutine(async function tb_logger_exception_retrieved() {
  neverRetrievedLogger();
  const fut = newFuture();
  fut.setException(new RuntimeError("boom"));
  fut.exception();
});

// test_futures.py::BaseFutureTests::test_tb_logger_exception_result_retrieved
const tb_logger_exception_result_retrieved = coroutine(async function tb_logger_exception_result_retrieved() {
  neverRetrievedLogger();
  const fut = newFuture();
  fut.setException(new RuntimeError("boom"));
  print(outcome(() => fut.result()));
});

// test_futures.py::BaseFutureTests::test_future_exception_never_retrieved
const future_exception_never_retrieved = coroutine(async function future_exception_never_retrieved() {
  neverRetrievedLogger();
  class MemoryError extends Error {}
  const future = newFuture();
  future.setException(new MemoryError());
  await sleep(0);
});

function makeCallback(bag: unknown[], thing: unknown) {
  return function bag_appender(_future: unknown) {
    bag.push(thing);
  };
}

const threeCallbacks = coroutine(async function three_callbacks(removals: number[]) {
  const bag: number[] = [];
  const f = newFuture<string>();
  const cbs = [makeCallback(bag, 42), makeCallback(bag, 17), makeCallback(bag, 100)];
  for (const cb of cbs) f.addDoneCallback(cb);
  for (const i of removals) f.removeDoneCallback(cbs[i] as (f: unknown) => void);
  print(bag);
  f.setResult("foo");
  await sleep(0);
  print(bag, f.result());
});

// test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_remove_first_callback
const callbacks_remove_first_callback = coroutine(async function callbacks_remove_first_callback() {
  await threeCallbacks([0, 0]);
});

// test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_remove_first_and_second_callback
const callbacks_remove_first_and_second_callback = coroutine(
  async function callbacks_remove_first_and_second_callback() {
    await threeCallbacks([0, 1, 0]);
  },
);

// test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_remove_third_callback
const callbacks_remove_third_callback = coroutine(async function callbacks_remove_third_callback() {
  await threeCallbacks([2, 2]);
});

// test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_invoked_on_set_result
const callbacks_invoked_on_set_result = coroutine(async function callbacks_invoked_on_set_result() {
  const bag: number[] = [];
  const f = newFuture<string>();
  f.addDoneCallback(makeCallback(bag, 42));
  f.addDoneCallback(makeCallback(bag, 17));
  print(bag);
  f.setResult("foo");
  await sleep(0);
  print(bag, f.result());
});

// test_futures.py::BaseFutureDoneCallbackTests::test_callbacks_invoked_on_set_exception
const callbacks_invoked_on_set_exception = coroutine(async function callbacks_invoked_on_set_exception() {
  const bag: number[] = [];
  const f = newFuture();
  f.addDoneCallback(makeCallback(bag, 100));
  print(bag);
  const exc = new RuntimeError();
  f.setException(exc);
  await sleep(0);
  print(bag, f.exception() === exc);
});

// test_futures.py::BaseFutureDoneCallbackTests::test_remove_done_callback
const remove_done_callback = coroutine(async function remove_done_callback() {
  const bag: number[] = [];
  const f = newFuture<string>();
  const cb1 = makeCallback(bag, 1);
  const cb2 = makeCallback(bag, 2);
  const cb3 = makeCallback(bag, 3);
  f.addDoneCallback(cb1);
  f.addDoneCallback(cb2);
  print(f.removeDoneCallback(cb2));
  print(f.removeDoneCallback(cb3));
  f.addDoneCallback(cb2);
  for (let i = 0; i < 5; i++) f.addDoneCallback(cb1);
  print(f.removeDoneCallback(cb1));
  print(bag);
  f.setResult("foo");
  await sleep(0);
  print(bag, f.result());
});

// test_futures.py::BaseFutureDoneCallbackTests::test_schedule_callbacks_list_mutation_1
const schedule_callbacks_list_mutation_1 = coroutine(async function schedule_callbacks_list_mutation_1() {
  const calls: number[] = [];
  const record = (f: Future<number>) => {
    calls.push(f.result());
  };
  const mut = (f: Future<number>) => {
    f.removeDoneCallback(record);
  };
  const fut = newFuture<number>();
  fut.addDoneCallback(mut);
  fut.addDoneCallback(record);
  fut.addDoneCallback(record);
  fut.setResult(1);
  await sleep(0);
  // The callbacks were queued when the future finished: removing one then changes nothing.
  print(calls);
});

export default () =>
  runTests(
    initial_state,
    future_cancel_message_getter,
    future_cancel_message_setter,
    cancel,
    result,
    exception,
    exception_class,
    future_repr,
    tb_logger_abandoned,
    tb_logger_not_called_after_cancel,
    tb_logger_result_unretrieved,
    tb_logger_result_retrieved,
    tb_logger_exception_unretrieved,
    tb_logger_exception_retrieved,
    tb_logger_exception_result_retrieved,
    future_exception_never_retrieved,
    callbacks_remove_first_callback,
    callbacks_remove_first_and_second_callback,
    callbacks_remove_third_callback,
    callbacks_invoked_on_set_result,
    callbacks_invoked_on_set_exception,
    remove_done_callback,
    schedule_callbacks_list_mutation_1,
  );
