import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { closedMessage } from "@/lib/collab/messages";
import { colorFor } from "./colors";
import { failOverOnDisconnect } from "./failover";
import { followRefreshes, followSection, type SectionFollower } from "./live-follow";
import { OfflineCopy } from "./offline-copy";

/** GET /api/docs/{id}/collab (or /s/{token}/collab): see lib/collab/ticket.ts. */
export type Ticket = {
  url: string | null;
  /** Several collaboration processes: the order to try them in (absent or empty: just `url`). */
  urls?: string[];
  port: number;
  name: string;
  docName: string;
  token: string;
  canEdit: boolean;
  refreshInMs: number;
};

/** What other people in the doc are doing, from the awareness of their connection. */
export type Presence = { clientId: number; id: string; name: string; color: string; section: string | null };

export type SessionStatus = {
  connected: boolean;
  synced: boolean;
  /** Changes made here that the server has not acknowledged yet. */
  unsynced: number;
  /** Edits kept on this device (this page's or an earlier one's) that the server has not confirmed yet. */
  kept: number;
  /** What the server lets this connection do now ("none" once access ended). */
  access: "edit" | "read" | "none";
  /** Why editing is off, when the server said so. */
  message: string;
};

/** A small "doc events" message from the collaboration server (stateless). */
export type DocEvent = { type: string; [key: string]: unknown };

type Listener = () => void;

/**
 * One live connection per open doc, shared by every section of the page: the Y.Doc
 * (one fragment per section), the provider and its awareness. Reference-counted:
 * the last release closes it.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  private status: SessionStatus;
  private presence: Presence[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly eventListeners = new Set<(event: DocEvent) => void>();
  private refreshTimer: ReturnType<typeof setInterval>;
  private ticket: Ticket;
  /** The doc kept on this device (people who may edit it), so offline edits survive closing the tab. */
  private readonly offline: OfflineCopy | null;
  refs = 0;

  constructor(
    ticket: Ticket,
    private readonly fetchTicket: () => Promise<Ticket>,
    readonly userId: string | null,
  ) {
    this.ticket = ticket;
    this.status = {
      connected: false,
      synced: false,
      unsynced: 0,
      kept: 0,
      access: ticket.canEdit ? "edit" : "read",
      message: "",
    };
    const urls = wsUrls(ticket);
    this.socket = new HocuspocusProviderWebsocket({ url: urls[0]!, maxDelay: 5_000 });
    failOverOnDisconnect(this.socket, urls);
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: ticket.docName,
      document: this.doc,
      // A reconnect (or a refresh) asks Next for a fresh ticket: tokens live minutes.
      token: async () => {
        try {
          this.ticket = await this.fetchTicket();
        } catch {
          // Offline: the last ticket is tried; the server refuses it once expired and the next attempt asks again.
        }
        return this.ticket.token;
      },
      onStatus: ({ status }) => this.update({ connected: status === "connected" }),
      onSynced: () => this.update({ synced: true }),
      onUnsyncedChanges: ({ number }) => this.update({ unsynced: number }),
      onAuthenticated: ({ scope }) => this.update({ access: scope === "read-write" ? "edit" : "read" }),
      onAuthenticationFailed: ({ reason }) => this.update({ access: "none", message: closedMessage(reason) }),
      onStateless: ({ payload }) => this.receive(payload),
      onAwarenessChange: ({ states }) => {
        const presence = states
          .filter((s) => s.clientId !== this.doc.clientID && s.user)
          .map((s) => {
            const user = s.user as { id?: string; name?: string; color?: string };
            return {
              clientId: s.clientId,
              id: String(user.id ?? s.clientId),
              name: String(user.name ?? "Someone"),
              color: String(user.color ?? colorFor("")),
              section: typeof s.section === "string" ? s.section : null,
            };
          });
        // Carets move the awareness on every keystroke; who is here and where changes far less often. Only that
        // re-renders the avatars (every section's, each time).
        if (JSON.stringify(presence) === JSON.stringify(this.presence)) return;
        this.presence = presence;
        this.emit();
      },
    });
    this.provider.attach();
    const id = userId ?? `guest-${this.doc.clientID}`;
    this.provider.setAwarenessField("user", { id, name: ticket.name, color: colorFor(ticket.name) });
    this.provider.setAwarenessField("section", null);
    this.refreshTimer = setInterval(() => void this.provider.sendToken(), ticket.refreshInMs);
    this.offline = userId && ticket.canEdit ? this.keepOnDevice(userId, ticket.docName) : null;
    // The browser knows first that the network is gone (a socket can take minutes to notice): go offline at once,
    // and reconnect as soon as it is back.
    window.addEventListener("offline", this.goOffline);
    window.addEventListener("online", this.goOnline);
    if (!navigator.onLine) this.goOffline();
  }

  private keepOnDevice(userId: string, docName: string): OfflineCopy {
    const copy = new OfflineCopy(
      userId,
      docName,
      this.doc,
      (kept) => this.update({ kept }),
      (origin) => origin === this.provider,
    );
    let loaded = false;
    void copy.whenLoaded().then(() => {
      loaded = true;
      this.confirmIfAcknowledged();
    });
    // What the database holds of the doc (a Yjs state vector), as the server last said (after a store, or asked).
    const durable = new Map<number, number>();
    let handedOver = false;
    this.confirmIfAcknowledged = () => {
      const { connected, synced, unsynced, access, kept } = this.status;
      const nowHandedOver = connected && synced && unsynced === 0 && access === "edit";
      const justHandedOver = nowHandedOver && !handedOver;
      handedOver = nowHandedOver;
      if (!loaded || kept === 0) return;
      // INVARIANT: the edits kept on this device are dropped only once the database holds every change this page
      // has. The server's acknowledgement is not enough: it stores after a debounce, a server killed meanwhile
      // loses what it acknowledged, and (after a reconnect) the provider's count of unacknowledged changes reaches
      // 0 at the first reply, before the server has taken in what was typed offline.
      // What must be stored: this page's own changes, and everything an earlier page kept (others' changes this page
      // received are the server's to store, and would keep the count up for as long as anyone types).
      const own = this.doc.clientID;
      const mine = [...copy.kept, [own, Y.getState(this.doc.store, own)] as const];
      if (mine.every(([client, clock]) => (durable.get(client) ?? 0) >= clock)) return copy.confirmAll();
      // Everything is handed over and nothing may be left to store: ask (a store would tell us by itself).
      if (justHandedOver) this.provider.sendStateless(JSON.stringify({ type: "durable?" }));
    };
    this.onEvent((event) => {
      if ((event.type !== "durable" && event.type !== "stored") || typeof event.clocks !== "object") return;
      for (const [client, clock] of Object.entries(event.clocks ?? {}))
        if (typeof clock === "number") durable.set(Number(client), Math.max(durable.get(Number(client)) ?? 0, clock));
      this.confirmIfAcknowledged();
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      // This page's own editing (not the server's changes, nor what the device copy put back).
      if (origin !== this.provider && !copy.isOrigin(origin)) copy.noteEdit(update);
    });
    return copy;
  }

  private confirmIfAcknowledged = (): void => {};

  private goOffline = (): void => {
    this.socket.disconnect();
  };

  private goOnline = (): void => {
    // The socket goOffline closed may not have reported its close yet (its status still "connected"): connect() then
    // does nothing, and the close, when it comes, would not reconnect either (disconnect() turned that off), so the
    // page stayed offline with its banner for good. Turned back on first, whichever comes next reconnects.
    this.socket.shouldConnect = true;
    void this.socket.connect();
  };

  get canEdit(): boolean {
    return this.status.access === "edit";
  }

  /** True once the doc has synced with the server, false when that takes longer than `timeoutMs`. */
  whenSynced(timeoutMs: number): Promise<boolean> {
    if (this.status.synced) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(this.status.synced);
      }, timeoutMs);
      const off = this.subscribe(() => {
        if (!this.status.synced) return;
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  /** This page's clock in the doc (how many changes it has made): compared with a store's clocks. */
  clock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  /** Whether a transaction changed the fragment of `key`. */
  touches(transaction: { changed: Map<unknown, unknown> }, key: string): boolean {
    const fragment = this.doc.getXmlFragment(key);
    for (const type of transaction.changed.keys()) {
      let t = type as Y.AbstractType<unknown> | null;
      while (t) {
        if (t === (fragment as unknown)) return true;
        t = (t._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
      }
    }
    return false;
  }

  getStatus = (): SessionStatus => this.status;
  getPresence = (): Presence[] => this.presence;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Fetches the page's data again (`refresh`) when the server says something it shows changed (live-follow.ts). */
  followRefreshes(refresh: () => void): () => void {
    return followRefreshes(this, refresh);
  }

  /** Keeps a read view following a section's fragment (live-follow.ts, use-live-html.ts). */
  followSection(key: string, serverHtml: string, view: HTMLElement | null, follower: SectionFollower): () => void {
    return followSection(this, key, serverHtml, view, follower);
  }

  onEvent(listener: (event: DocEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  }

  /** Which section this person is in (null: reading), for the avatars by each section. */
  setSection(key: string | null): void {
    this.provider.setAwarenessField("section", key);
  }

  destroy(): void {
    clearInterval(this.refreshTimer);
    window.removeEventListener("offline", this.goOffline);
    window.removeEventListener("online", this.goOnline);
    void this.offline?.close();
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }

  private receive(payload: string): void {
    let event: DocEvent;
    try {
      event = JSON.parse(payload) as DocEvent;
    } catch {
      return;
    }
    if (event.type === "access") {
      const access = event.access === "edit" || event.access === "read" ? event.access : "none";
      this.update({ access, message: typeof event.message === "string" ? event.message : "" });
    }
    this.eventListeners.forEach((listener) => listener(event));
  }

  private update(patch: Partial<SessionStatus>): void {
    // The same status again (the provider reports its unsynced count on every keystroke) is no news to anyone.
    const keys = Object.keys(patch) as (keyof SessionStatus)[];
    if (keys.every((k) => this.status[k] === patch[k])) return;
    this.status = { ...this.status, ...patch };
    this.confirmIfAcknowledged();
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }
}

function wsUrls(ticket: Ticket): string[] {
  if (ticket.urls?.length) return ticket.urls;
  if (ticket.url) return [ticket.url];
  const protocol = window.location.protocol === "https:" ? "wss" : "ws";
  return [`${protocol}://${window.location.hostname}:${ticket.port}`];
}

const sessions = new Map<string, Promise<CollabSession>>();

/** The page's session for this doc (created on first use); `release` when the component using it goes away. */
export function acquireSession(key: string, ticketUrl: string, userId: string | null): Promise<CollabSession> {
  let pending = sessions.get(key);
  if (!pending) {
    const fetchTicket = async (): Promise<Ticket> => {
      const response = await fetch(ticketUrl, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(`ticket ${response.status}`);
      return (await response.json()) as Ticket;
    };
    pending = fetchTicket().then((ticket) => new CollabSession(ticket, fetchTicket, userId));
    pending.catch(() => sessions.delete(key));
    sessions.set(key, pending);
  }
  return pending.then((session) => {
    session.refs += 1;
    return session;
  });
}

export function releaseSession(key: string, session: CollabSession): void {
  session.refs -= 1;
  if (session.refs > 0) return;
  // A moment's grace: React's dev double mount, or a quick remount, keeps the connection.
  setTimeout(() => {
    if (session.refs > 0 || sessions.get(key) === undefined) return;
    sessions.delete(key);
    session.destroy();
  }, 1_000);
}
