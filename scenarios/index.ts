/** The built-in scenarios, in the order `async-demo list` shows them. */
import type { Scenario } from "async-demo";
import asCompleted from "./as-completed.js";
import cancel from "./cancel.js";
import cancelReraise from "./cancel-reraise.js";
import exceptions from "./exceptions.js";
import firstCompleted from "./first-completed.js";
import gather from "./gather.js";
import returnExceptions from "./return-exceptions.js";
import shield from "./shield.js";
import shutdown from "./shutdown.js";
import shutdownReraise from "./shutdown-reraise.js";
import swarm from "./swarm.js";
import taskgroup from "./taskgroup.js";
import timeout from "./timeout.js";

export const scenarios: readonly Scenario[] = [
  gather,
  exceptions,
  cancel,
  cancelReraise,
  shutdown,
  shutdownReraise,
  returnExceptions,
  timeout,
  taskgroup,
  shield,
  firstCompleted,
  asCompleted,
  swarm,
];
