/** Replay files for the tests: written by the real CLI, read back, and folded by the session's store in Node. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunState } from "../../src/session/state.js";
import { SessionStore } from "../../src/session/store.js";
import { type ReplayData, unpackEvents } from "../../src/views/html/replay-data.js";
import { taskDetail } from "../../src/views/tui/task-detail.js";
import { treeRows } from "../../src/views/tui/tree.js";
import { type CliResult, runCli } from "../cli/run-cli.js";

/** The data block of a replay page, parsed. */
export function replayData(html: string): ReplayData {
  const match = /<script type="application\/json" id="replay-data">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error("no replay data block in the page");
  return JSON.parse(match[1] as string) as ReplayData;
}

/** `async-demo ARGS… --instant --quiet --html DIR/NAME.html`: the file, its text and its data. */
export function writeReplay(
  dir: string,
  name: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
) {
  const file = join(dir, `${name}.html`);
  const result: CliResult = runCli([...args, "--instant", "--quiet", "--html", file], { env });
  if (result.status === null || result.stderr.includes("internal error")) {
    throw new Error(`async-demo ${args.join(" ")} failed: ${result.stderr}`);
  }
  const html = readFileSync(file, "utf8");
  return { file, html, data: replayData(html), result };
}

/** The state the session's store holds after `position` events of the replay's run. */
export function storeState(data: ReplayData, position: number): RunState {
  const store = new SessionStore();
  for (const [i, event] of unpackEvents(data.events).entries()) store.push(event, data.hints[String(i)]);
  store.moveTo(position);
  store.publish();
  return store.getSnapshot().state;
}

/** A task row as the page must show it, from the store's state (the dashboard's own helpers). */
export interface ExpectedRow {
  task: string;
  state: string;
  prefix: string;
  coro: string;
  name: string;
  detail: string;
}

export function expectedRows(state: RunState): ExpectedRow[] {
  return treeRows(state).map(({ task, prefix }) => ({
    task: String(task.id),
    state: task.state,
    prefix,
    coro: task.coro,
    name: task.name,
    detail: taskDetail(task, state, state.time),
  }));
}
