/**
 * Runs once when the server boots: validate the configuration so a missing or
 * malformed variable stops the start with a message naming it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv, EnvError } = await import("./lib/env");
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\nDesign Review cannot start.\n${error.message}\nSee README.md → Configuration.\n`);
      process.exit(1);
    }
    throw error;
  }
}
