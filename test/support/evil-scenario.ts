/** A user scenario whose texts are markup: task name, prints, exception message, title and lesson. */
export const EVIL = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & </body>`;

export const EVIL_SCENARIO = `import { coroutine, createTask, defineScenario, print, sleep, ValueError } from "async-demo";

const EVIL = ${JSON.stringify(EVIL)};

const worker = coroutine(async function worker() {
  await sleep(0.1);
  print(EVIL);
  throw new ValueError(EVIL);
});

const main = coroutine(async function main() {
  const task = createTask(worker(), { name: EVIL });
  try {
    await task;
  } catch (error) {
    print(\`caught \${String(error)}\`);
    // Out of main: status 1 and a traceback whose message is markup too.
    throw error;
  }
});

export default defineScenario({ name: "evil", title: EVIL, summary: EVIL, explain: EVIL, params: {}, main });
`;
