/**
 * The live path under load and faults: a real collaboration server process (scripts/collab-server.ts) reached by
 * real WebSocket providers (@hocuspocus/provider, as in the browser), its database behind a TCP relay that the
 * outage test cuts (every connection dropped, new ones refused), and a way to SIGKILL and restart the process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { failOverOnDisconnect } from "@/components/collab/failover";
import { collabDocName, issueCollabToken } from "@/lib/collab/token";
import { ROOT, freePort } from "@/scripts/lib/postgres.mjs";

/** A TCP relay to PostgreSQL: `cut()` drops every connection and refuses new ones until `restore()`. */
export async function startDbRelay(target: { host: string; port: number }) {
  let cut = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The collaboration server as production runs it, in a process of its own (SIGKILL-able). */
export async function startCollabProcess(env: Record<string, string>, port?: number) {
  const listen = port ?? (await freePort());
  let child: ChildProcess | null = null;
  let log = "";
  const launch = async () => {
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/collab-server.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env, COLLAB_PORT: String(listen) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => (log = (log + d).slice(-20_000)));
    child.stderr?.on("data", (d) => (log = (log + d).slice(-20_000)));
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      try {
        if ((await fetch(`http://127.0.0.1:${listen}/`)).ok) return;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`collab server did not start:\n${log}`);
  };
  await launch();
  return {
    port: listen,
    url: `ws://127.0.0.1:${listen}`,
    pid: () => child?.pid ?? -1,
    log: () => log,
    kill: async (signal: NodeJS.Signals = "SIGKILL") => {
      const c = child!;
      if (c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      c.kill(signal);
      await exited;
    },
    restart: launch,
    metrics: async () => (await fetch(`http://127.0.0.1:${listen}/metrics`)).text(),
  };
}

export const metricValue = (body: string, name: string) => {
  const line = body.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(" ")[1]) : 0;
};

/**
 * One person typing in one section through a WebSocket provider. Every word typed is kept in `typed`; those the
 * server has confirmed (the provider's unsynced count back at 0 after it) in `acked`.
 */
export type LiveWriter = {
  name: string;
  docId: string;
  key: string;
  provider: HocuspocusProvider;
  doc: Y.Doc;
  typed: string[];
  acked: number;
  type(word: string): void;
  text(): string;
  destroy(): void;
};

export function liveWriter(opts: {
  url: string;
  /** Several collaboration processes: the order to try them in, as a page's ticket lists them (failover). */
  urls?: string[];
  secret: string;
  docId: string;
  key: string;
  user: { id: string; name: string };
  /** Where in the section's first paragraph this writer types: its end, or its start. */
  at: "end" | "start";
  name: string;
}): LiveWriter {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: opts.url,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly after the server went away (the browser's provider does the same within 5 s).
    maxDelay: 2_000,
  });
  failOverOnDisconnect(socket, opts.urls ?? [opts.url]);
  const token = () =>
    issueCollabToken(
      { docId: opts.docId, subject: { kind: "user", id: opts.user.id }, name: opts.user.name },
      opts.secret,
    );
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: collabDocName(opts.docId),
    document: doc,
    token: async () => token(),
  });
  const writer: LiveWriter = {
    name: opts.name,
    docId: opts.docId,
    key: opts.key,
    provider,
    doc,
    typed: [],
    acked: 0,
    type(word) {
      const paragraph = doc.getXmlFragment(opts.key).get(0) as Y.XmlElement | undefined;
      if (!paragraph) return;
      doc.transact(() => {
        let node = paragraph.get(0) as Y.XmlText | undefined;
        if (!node) {
          node = new Y.XmlText();
          paragraph.insert(0, [node]);
        }
        if (opts.at === "end") node.insert(node.length, ` ${word}`);
        else node.insert(0, `${word} `);
      });
      writer.typed.push(word);
    },
    // The whole section's text, as its reader sees it (every paragraph).
    text() {
      const words: string[] = [];
      const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
        if (node instanceof Y.XmlText) words.push(node.toString());
        else node.toArray().forEach((child) => walk(child as Y.XmlElement | Y.XmlText));
      };
      walk(doc.getXmlFragment(opts.key));
      return words.join(" ");
    },
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
  provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (number === 0) writer.acked = writer.typed.length;
  });
  provider.attach();
  return writer;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/** Each writer types a word every `everyMs` until `stop()` says so; words are unique per writer. */
export async function typeUntil(
  writers: LiveWriter[],
  stop: () => boolean,
  everyMs: number,
  paused: () => boolean = () => false,
): Promise<void> {
  await Promise.all(
    writers.map(async (w, i) => {
      await new Promise((r) => setTimeout(r, (i * everyMs) / writers.length));
      while (!stop()) {
        if (!paused() && (w.provider.isSynced || w.typed.length > 0)) w.type(`${w.name}x${w.typed.length}`);
        await new Promise((r) => setTimeout(r, everyMs));
      }
    }),
  );
}
