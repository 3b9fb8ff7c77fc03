// Catalogue 72: an awaiter resumes 1 loop iteration after the awaited task finishes; 2 after a gather's last child.
import { coroutine, createTask, gather, getRunningLoop, print, run } from "../../src/index.js";

const main = coroutine(async function main() {
  const loop = getRunningLoop();
  let it = 0;
  const tick = (): void => {
    // counts loop iterations
    it += 1;
    loop.callSoon(tick);
  };

  const child = coroutine(async function child(label: string) {
    print(`${label}: child finishes in iteration ${it}`);
  });

  loop.callSoon(tick);
  await createTask(child("task"));
  print(`task: awaiter resumes in iteration ${it}`);
  await gather(child("gather"));
  print(`gather: awaiter resumes in iteration ${it}`);
});

export default () => run(main());
