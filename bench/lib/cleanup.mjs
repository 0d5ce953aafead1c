// Teardown steps run last-in, first-out, once, on success, failure or a signal.
const steps = [];
let running = null;

export function onCleanup(label, fn) {
  steps.push({ label, fn });
}

export function runCleanup() {
  running ??= (async () => {
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

/** Ctrl-C, kill, a closed terminal: stop what we started, then exit. A second signal exits at once. */
export function installSignalHandlers() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (running) process.exit(130);
      console.error(`\n[bench] ${signal}: stopping everything this run started…`);
      runCleanup().finally(() => process.exit(130));
    });
  }
}
