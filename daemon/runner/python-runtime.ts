/** woma's Python runtime: its files, in the order they are executed into one namespace (the module `_woma`) before the snapshot. */
import completion from "./python/completion.py" with { type: "text" };
import core from "./python/core.py" with { type: "text" };
import display from "./python/display.py" with { type: "text" };
import hardening from "./python/hardening.py" with { type: "text" };
import ipython from "./python/ipython.py" with { type: "text" };
import network from "./python/network.py" with { type: "text" };
import packages from "./python/packages.py" with { type: "text" };

/**
 * The runtime's sources, each executed into the same namespace in this order: the run
 * semantics, packages, the network, outputs and input, `IPython.display`, completion, then
 * hardening, whose `harden()` runs last.
 */
export const RUNTIME_SOURCES: readonly string[] = [core, packages, network, display, ipython, completion, hardening];

/** All of it, for the snapshot's key: any change gives a different snapshot. */
export const RUNTIME_SOURCE: string = RUNTIME_SOURCES.join("\n");
