import "server-only";
import pg from "pg";
import { logError } from "@/lib/log";

/** A section's content changed in the database (any writer: see the trigger in the collab_state migration). */
export type SectionChange = { docId: string; key: string; version: number };

export function parseSectionChange(payload: string | undefined): SectionChange | null {
  if (!payload) return null;
  try {
    const raw = JSON.parse(payload) as { d?: unknown; k?: unknown; v?: unknown };
    if (typeof raw.d !== "string" || typeof raw.k !== "string" || typeof raw.v !== "number") return null;
    return { docId: raw.d, key: raw.k, version: raw.v };
  } catch {
    return null;
  }
}

/**
 * LISTEN on the database's `section_content`, `doc_changed`, `user_notified` and `access_changed`
 * channels (migrations collab_state, doc_events, user_notified, access_changed) with a connection of its own,
 * reconnecting when the database goes away (changes made meanwhile are taken in when the
 * doc is next loaded, or with the next change of the section).
 */
export async function listenForSectionChanges(
  onChange: (change: SectionChange) => void,
  onDocChanged: (docId: string) => void = () => {},
  onUserNotified: (userId: string) => void = () => {},
  onAccessChanged: () => void = () => {},
  connectionString = process.env.DATABASE_URL,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString });
    c.on("notification", (message) => {
      if (message.channel === "doc_changed") {
        if (message.payload) onDocChanged(message.payload);
        return;
      }
      if (message.channel === "access_changed") return onAccessChanged();
      if (message.channel === "user_notified") {
        if (message.payload) onUserNotified(message.payload);
        return;
      }
      const change = parseSectionChange(message.payload);
      if (change) onChange(change);
    });
    c.on("error", (error) => {
      logError("collab: notification connection lost", error);
      schedule();
    });
    try {
      await c.connect();
      await c.query("LISTEN section_content; LISTEN doc_changed; LISTEN user_notified; LISTEN access_changed");
      client = c;
    } catch (error) {
      logError("collab: cannot listen for section changes", error);
      c.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    client?.end().catch(() => undefined);
    client = null;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, 1_000);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
