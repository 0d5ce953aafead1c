import { logError } from "./log";

const EVERY_MS = 5 * 60_000;
let started = false;

/**
 * Timed work of the app process: due-date reminders and daily email digests. Every process runs it; each
 * reminder and digest is claimed by a conditional update before it is sent, so several processes never
 * send one twice. The timer does not keep the process alive.
 */
export function startBackgroundJobs(): void {
  if (started || process.env.BACKGROUND_JOBS === "off") return;
  started = true;
  const tick = async () => {
    try {
      const [{ sendDueReminders }, { sendDailyDigests }] = await Promise.all([
        import("./reviews/reminders"),
        import("./notifications/digest"),
      ]);
      await sendDueReminders();
      await sendDailyDigests();
    } catch (error) {
      logError("background jobs failed", error);
    }
  };
  setTimeout(() => void tick(), 30_000).unref();
  setInterval(() => void tick(), EVERY_MS).unref();
}
