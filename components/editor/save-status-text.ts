import type { SaveStatus } from "./section-saver";
import { formatWhen, isToday } from "./format-time";

export type StatusTone = "muted" | "busy" | "ok" | "warning" | "danger";

/** `announce: false` is shown but not read out (it changes with every keystroke). */
export type StatusText = { text: string; tone: StatusTone; announce: boolean };

export function describeSaveStatus(
  status: SaveStatus,
  { draftsKept, now }: { draftsKept: boolean; now?: Date },
): StatusText {
  switch (status.kind) {
    case "idle":
      return { text: "", tone: "muted", announce: true };
    case "pending":
      return { text: "Unsaved changes", tone: "muted", announce: false };
    case "saving":
      return { text: "Saving…", tone: "busy", announce: true };
    case "saved": {
      const when = formatWhen(status.at, { now });
      if (!when) return { text: "Saved", tone: "ok", announce: true };
      return { text: `Saved ${isToday(status.at, { now }) ? "at" : "on"} ${when}`, tone: "ok", announce: true };
    }
    case "offline":
      return draftsKept
        ? { text: "Offline — your changes are kept on this device", tone: "warning", announce: true }
        : { text: "Offline — keep this tab open, retrying", tone: "warning", announce: true };
    case "failed":
      return { text: `Not saved: ${status.message}`, tone: "danger", announce: true };
    case "conflict":
      return {
        text: `Not saved: ${status.current.updatedBy?.name ?? "Someone"} saved a newer version`,
        tone: "danger",
        announce: true,
      };
  }
}
