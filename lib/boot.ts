import { EnvError, parseEnv } from "./env";

// Validate the configuration at boot, so a missing or malformed variable stops the
// start with a message naming it instead of failing on the first request.
try {
  parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`\nDesign Review cannot start.\n${error.message}\nSee README.md → Configuration.\n`);
  process.exit(1);
}
