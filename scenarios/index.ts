/** The built-in scenarios, in the order `async-demo list` shows them. */
import type { Scenario } from "async-demo";
import gather from "./gather.js";

export const scenarios: readonly Scenario[] = [gather];
