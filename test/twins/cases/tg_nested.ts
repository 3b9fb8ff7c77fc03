// Nested TaskGroups: an inner group's ExceptionGroup is a child error of the
// outer group, which aborts its other tasks and nests the groups.
import {
  CancelledError,
  coroutine,
  ExceptionGroup,
  print,
  repr,
  run,
  sleep,
  str,
  taskGroup,
  ValueError,
} from "../../../src/index.js";

const fail = coroutine(async function fail(delay: number, msg: string) {
  await sleep(delay);
  throw new ValueError(msg);
});

const waitLong = coroutine(async function wait_long(name: string) {
  try {
    await sleep(5);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print(name, "cancelled");
    throw e;
  }
});

const innerGroup = coroutine(async function inner_group() {
  await taskGroup(async (tg) => {
    tg.createTask(fail(0.1, "deep"));
    tg.createTask(waitLong("inner sibling"));
  });
});

function show(eg: ExceptionGroup, indent = ""): void {
  print(indent + repr(str(eg)));
  for (const e of eg.exceptions) {
    if (e instanceof ExceptionGroup) show(e, `${indent}  `);
    else print(`${indent}  ${repr(e)}`);
  }
}

const main = coroutine(async function main() {
  try {
    await taskGroup(async (outer) => {
      outer.createTask(innerGroup());
      outer.createTask(waitLong("outer sibling"));
      await taskGroup(async (bodyGroup) => {
        bodyGroup.createTask(fail(0.2, "body level"));
        await sleep(1);
      });
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    show(eg);
  }
});

export default () => run(main());
