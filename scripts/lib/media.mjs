// The README's pictures and the replay shipped with the docs: one list, read by `npm run docs:media`
// (which makes them) and by test/docs/media.test.ts (which fails when they no longer match the program).
export const SIZE = "100x30";

export const MEDIA = [
  { name: "gather", args: ["gather"], caption: "$ async-demo gather" },
  {
    name: "cancel",
    args: ["cancel", "--cancel", "long_running_task@0.5"],
    caption: "$ async-demo cancel   then c on long_running_task at t=0.5 (--cancel long_running_task@0.5)",
  },
  {
    name: "shutdown",
    args: ["shutdown", "--interrupt-at", "0.5"],
    caption: "$ async-demo shutdown   then Ctrl-C at t=0.5 (--interrupt-at 0.5)",
  },
];

export const REPLAYS = [{ name: "shutdown", args: ["shutdown", "--interrupt-at", "0.5"] }];

/** The CLI's arguments that draw a picture's cast (without a terminal, one frame per event). */
export const castArgs = (media, file) => [...media.args, "--instant", "--quiet", "--cast", file, "--size", SIZE];

/** The CLI's arguments that write a replay. */
export const replayArgs = (replay, file) => [...replay.args, "--instant", "--quiet", "--html", file];

/** The environment the pictures are made in: colours on, whatever the caller's terminal says. */
export function mediaEnv(env = process.env) {
  const clean = { ...env };
  for (const key of ["NO_COLOR", "FORCE_COLOR", "CI", "ASYNC_DEMO_CI"]) delete clean[key];
  return clean;
}
