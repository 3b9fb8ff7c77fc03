/**
 * The dashboard: header, task tree with timeline lanes, event log, code pane,
 * summary and footer. Reads the session store and the UI state through
 * useSyncExternalStore; keys go to the controller, which owns what they do.
 */
import { Box, Text, useInput, useStdin } from "ink";
import { useSyncExternalStore } from "react";
import type { ScenarioInfo, Session } from "../../session/session.js";
import type { Sources } from "../../session/sources.js";
import type { SessionStore } from "../../session/store.js";
import { CodePane } from "./code-pane.js";
import type { Controller } from "./controller.js";
import { EventLog } from "./event-log.js";
import { Header } from "./header.js";
import { helpPages, KeyHelp } from "./key-help.js";
import { bindingFor, FOOTER, splitKeys } from "./keymap.js";
import { layout } from "./layout.js";
import { Summary, summaryLine } from "./summary.js";
import { TaskTree } from "./task-tree.js";
import { clip } from "./text.js";
import { treeRows, visibleWindow } from "./tree.js";
import type { UiState } from "./ui-state.js";
import { useNow } from "./use-now.js";
import { useTerminalSize } from "./use-terminal-size.js";

export type { Sources } from "../../session/sources.js";

export interface AppProps {
  scenario: ScenarioInfo;
  session: Session;
  store: SessionStore;
  ui: UiState;
  controller: Controller;
  sources: Sources;
}

export function App({ scenario, session, store, ui, controller, sources }: AppProps) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const view = useSyncExternalStore(ui.subscribe, ui.getSnapshot);
  const { columns, rows: terminalRows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      for (const [one, k] of splitKeys(input, key)) {
        const binding = bindingFor(one, k);
        if (binding) controller.handle(binding.action, one);
        else if (ui.getSnapshot().help > 0) controller.handle("help", one);
      }
    },
    { isActive: isRawModeSupported === true },
  );

  const state = snapshot.state;
  const live = snapshot.cursor === snapshot.head;
  const playing = live && snapshot.phase !== "paused" && snapshot.phase !== "done";
  // Paused, the loop's own time: a pause during a paced sleep stands between two events.
  const now = useNow(session.displayTime, playing, snapshot.time);
  const finished = snapshot.status !== null && live;
  const tree = treeRows(state);
  const box = layout(columns, terminalRows, tree.length, finished);
  const selectedIndex = Math.max(
    0,
    tree.findIndex((r) => r.task.id === view.selected),
  );
  const [from, to] = visibleWindow(tree.length, selectedIndex, box.treeRows);
  const span = Math.max(1, now * 1.15);
  const codeShown = box.codeBeside || view.code;
  const logEntries = snapshot.logTail(box.logHeight);
  const blocked = session.blockedFor();
  const running = blocked > 0 ? [...state.tasks.values()].find((t) => t.state === "running") : undefined;
  const blockedNotice =
    blocked > 0
      ? `⚠ ${running ? `${running.coro} (${running.name})` : "a step"} has held the loop for ${blocked.toFixed(1)} s without awaiting: nothing else can run · Ctrl-C stops it`
      : null;

  controller.helpPages = helpPages(box.helpHeight);
  if (view.help > 0) {
    return (
      <Box flexDirection="column">
        <KeyHelp width={box.width} height={box.helpHeight} page={Math.min(view.help, controller.helpPages)} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={box.width}>
      <Header
        name={scenario.name}
        title={scenario.title}
        now={now}
        speed={snapshot.speed}
        phase={snapshot.phase}
        state={state}
        behind={live ? null : { cursor: snapshot.cursor, head: snapshot.head }}
        branchedAt={snapshot.branchedAt}
        width={box.width}
      />
      <TaskTree
        rows={tree.slice(from, to)}
        offset={from}
        total={tree.length}
        state={state}
        selected={view.selected ?? tree[0]?.task.id ?? null}
        now={now}
        width={box.width}
        laneWidth={box.laneWidth}
        span={span}
      />
      <Box>
        {!codeShown || box.codeBeside ? (
          <EventLog entries={logEntries} height={box.logHeight} width={box.logWidth} />
        ) : null}
        {codeShown ? (
          <Box marginLeft={box.codeBeside ? 1 : 0}>
            <CodePane
              language={view.language}
              file={view.language === "python" ? sources.pythonFile : sources.typescriptFile}
              source={view.language === "python" ? sources.python : sources.typescript}
              explain={scenario.explain}
              height={box.logHeight}
              width={box.codeWidth}
            />
          </Box>
        ) : null}
      </Box>
      {finished && box.summaryHeight > 0 ? (
        <Summary
          state={state}
          status={snapshot.status ?? 0}
          explain={scenario.explain}
          width={box.width}
          height={box.summaryHeight}
        />
      ) : null}
      <Text
        dimColor={view.notice === null && blockedNotice === null}
        color={view.notice === null && blockedNotice === null ? undefined : "yellow"}
      >
        {clip(
          blockedNotice ??
            view.notice ??
            (finished && box.summaryHeight === 0 ? `${summaryLine(state, snapshot.status ?? 0)} · q quit` : FOOTER),
          box.width,
        )}
      </Text>
    </Box>
  );
}
