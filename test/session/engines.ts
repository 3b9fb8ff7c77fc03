/**
 * Sessions on both of our runtime's cores: LocalCore in this thread, and the CLI's worker core (the
 * scenario in a worker thread, as `async-demo` runs it). Each test of the session's contract runs on both.
 */
import { scenarios } from "../../scenarios/index.js";
import { WorkerHost } from "../../src/cli/worker-host.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import type { Scenario } from "../../src/runtime/scenario.js";
import { resolveParams } from "../../src/session/params.js";
import type { Script } from "../../src/session/scripted.js";
import { Session } from "../../src/session/session.js";

export type Engine = "local" | "worker";
export const ENGINES: readonly Engine[] = ["local", "worker"];

export interface Opened {
  session: Session;
  close(): Promise<void>;
}

export function scenario(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
}

/** A session with a store running built-in scenario `name` on `engine` (not started). */
export async function open(
  engine: Engine,
  name: string,
  options: { speed: number; set?: string[]; script?: Script },
): Promise<Opened> {
  const s = scenario(name);
  const params = resolveParams(s, options.set ?? []);
  const sessionOptions = {
    params,
    speed: options.speed,
    store: true,
    ...(options.script ? { script: options.script } : {}),
  };
  if (engine === "local") {
    const session = new Session(s, sessionOptions);
    return { session, close: async () => (session.done ? undefined : session.abort()) };
  }
  const host = await WorkerHost.load({ kind: "builtin", name });
  const core = host.core({ params, speed: options.speed, ...(options.script ? { script: options.script } : {}) }, true);
  const session = new Session(host.info, sessionOptions, core);
  return {
    session,
    close: async () => {
      if (!session.done) session.abort();
      await host.terminate();
    },
  };
}

export const tick = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Poll `predicate` until it holds; fail after `timeoutMs` (generous: the machine may be busy). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not reached in ${timeoutMs} ms: ${what}`);
    await tick(5);
  }
}

/** The events the store holds (1…head). */
export function storeEvents(session: Session): RuntimeEvent[] {
  const store = session.store;
  if (store === undefined) throw new Error("no store");
  store.publish();
  const snapshot = store.getSnapshot();
  const out: RuntimeEvent[] = [];
  for (let i = 0; i < store.head; i++) {
    const event = snapshot.eventAt(i);
    if (event !== undefined) out.push(event);
  }
  return out;
}

/** The run's end, whichever run of the session (a branch after the end included) ends next. */
export function nextEnd(session: Session): Promise<number> {
  return new Promise((resolve) => {
    const off = session.onEnd((result) => {
      off();
      resolve(result.status);
    });
  });
}

/** Step (n) until the cursor shows `position` events, waiting for each step's events to arrive. */
export async function stepTo(session: Session, position: number): Promise<void> {
  const store = session.store;
  if (store === undefined) throw new Error("no store");
  while (store.position < position) {
    const before = store.position;
    session.step();
    await until(() => store.position > before, `a step past event ${before}`);
  }
}
