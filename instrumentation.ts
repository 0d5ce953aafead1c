/** Runs once when the server boots (see lib/boot.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/boot");
}
