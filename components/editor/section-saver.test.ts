import type { JSONContent } from "@tiptap/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PersonDTO, SaveOutcome } from "@/lib/docs/dto";
import { SectionSaver, type SaveRequest, type SaveStatus } from "./section-saver";

const doc = (text: string): JSONContent => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const me: PersonDTO = { id: "u_me", name: "Me" };
const ada: PersonDTO = { id: "u_ada", name: "Ada Lovelace" };

/** A server that keeps one section and checks the base version like the real mutation does. */
class FakeServer {
  version = 1;
  content: JSONContent = doc("start");
  by: PersonDTO = me;
  calls: SaveRequest[] = [];
  /** Answers held back until release() (a slow network). */
  held: Array<() => void> = [];
  hold = false;
  failNext = 0;
  next: SaveOutcome | null = null;

  save = (request: SaveRequest): Promise<SaveOutcome> => {
    this.calls.push(structuredClone(request));
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(new TypeError("Failed to fetch"));
    }
    const answer = (): SaveOutcome => {
      if (this.next) {
        const next = this.next;
        this.next = null;
        return next;
      }
      if (request.baseVersion !== this.version) {
        return { status: "conflict", message: "This section changed since you loaded it", current: this.current() };
      }
      this.version++;
      this.content = request.content;
      this.by = me;
      return { status: "saved", version: this.version, updatedAt: `2026-11-26T10:00:0${this.version}Z`, updatedBy: me };
    };
    if (!this.hold) return Promise.resolve(answer());
    // Like a real server, the write happens when the request arrives; only the answer is late.
    const outcome = answer();
    return new Promise((resolve) => this.held.push(() => resolve(outcome)));
  };

  current() {
    return {
      version: this.version,
      content: this.content,
      html: "<p>theirs</p>",
      updatedAt: "2026-11-26T09:59:00Z",
      updatedBy: this.by,
    };
  }

  /** Someone else saves. */
  writeAs(person: PersonDTO, content: JSONContent) {
    this.version++;
    this.content = content;
    this.by = person;
  }

  release() {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }
}

describe("SectionSaver", () => {
  let server: FakeServer;
  let text: string;
  let statuses: SaveStatus[];
  let saved: Array<{ version: number; content: JSONContent }>;

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeServer();
    text = "start";
    statuses = [];
    saved = [];
  });
  afterEach(() => vi.useRealTimers());

  const make = (overrides: Partial<ConstructorParameters<typeof SectionSaver>[0]> = {}) =>
    new SectionSaver({
      baseVersion: server.version,
      savedContent: server.content,
      getContent: () => doc(text),
      save: (request) => server.save(request),
      onStatus: (s) => statuses.push(s),
      onSaved: (outcome, content) => saved.push({ version: outcome.version, content }),
      ...overrides,
    });
  const type = (saver: SectionSaver, value: string) => {
    text = value;
    saver.change();
  };
  const kinds = () => statuses.map((s) => s.kind);

  it("saves once, about a second after typing stops, with the latest text", async () => {
    const saver = make();
    type(saver, "s");
    await vi.advanceTimersByTimeAsync(600);
    type(saver, "st");
    await vi.advanceTimersByTimeAsync(600);
    type(saver, "sta");
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.calls).toEqual([{ baseVersion: 1, content: doc("sta") }]);
    expect(server.content).toEqual(doc("sta"));
    expect(saver.status).toMatchObject({ kind: "saved", by: me });
    expect(kinds()).toEqual(["pending", "saving", "saved"]);
    expect(saved).toEqual([{ version: 2, content: doc("sta") }]);
  });

  it("skips the save when the content equals what the server has", async () => {
    const saver = make();
    type(saver, "changed");
    type(saver, "start");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.calls).toHaveLength(0);
    expect(saver.status.kind).toBe("idle");
  });

  it("saves at once on flush (blur, page hide)", async () => {
    const saver = make();
    type(saver, "leaving");
    await saver.flush();
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.calls).toHaveLength(1);
  });

  it("keeps one save in flight and saves edits made meanwhile on the new version", async () => {
    server.hold = true;
    const saver = make();
    type(saver, "first");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.calls).toHaveLength(1);
    type(saver, "first and more");
    await vi.advanceTimersByTimeAsync(1_000);
    void saver.flush();
    expect(server.calls).toHaveLength(1);
    server.hold = false;
    server.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toEqual([
      { baseVersion: 1, content: doc("first") },
      { baseVersion: 2, content: doc("first and more") },
    ]);
    expect(server.content).toEqual(doc("first and more"));
    expect(saver.baseVersion).toBe(3);
  });

  it("waits for the debounce when typing continues after a save returns", async () => {
    server.hold = true;
    const saver = make();
    type(saver, "one");
    await vi.advanceTimersByTimeAsync(1_000);
    type(saver, "one two");
    server.hold = false;
    server.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status.kind).toBe("pending");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.calls.map((c) => c.baseVersion)).toEqual([1, 2]);
    expect(saver.status.kind).toBe("saved");
  });

  it("goes offline on a network failure, keeps the content and retries with backoff", async () => {
    server.failNext = 2;
    const saver = make({ retryDelaysMs: [2_000, 5_000] });
    type(saver, "typed on a train");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.status).toMatchObject({ kind: "offline", attempt: 1, retryInMs: 2_000 });
    type(saver, "typed on a train, still offline");
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
    expect(saver.status).toMatchObject({ kind: "offline", attempt: 2, retryInMs: 5_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.calls).toHaveLength(3);
    expect(server.content).toEqual(doc("typed on a train, still offline"));
    expect(saver.status.kind).toBe("saved");
  });

  it("treats an `unavailable` answer like a network failure", async () => {
    server.next = { status: "unavailable", message: "Database is busy" };
    const saver = make();
    type(saver, "x");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.status.kind).toBe("offline");
  });

  it("retries at once when the browser is back online", async () => {
    server.failNext = 1;
    const saver = make({ retryDelaysMs: [60_000] });
    type(saver, "x");
    await vi.advanceTimersByTimeAsync(1_000);
    saver.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(2);
    expect(saver.status.kind).toBe("saved");
  });

  it("gives up waiting for a save that never answers", async () => {
    const saver = make({ save: () => new Promise<SaveOutcome>(() => {}), timeoutMs: 5_000, retryDelaysMs: [60_000] });
    type(saver, "x");
    await vi.advanceTimersByTimeAsync(6_000);
    expect(saver.status.kind).toBe("offline");
  });

  it("recognises its own save whose answer was lost, instead of showing a conflict with itself", async () => {
    const saver = make({ retryDelaysMs: [2_000] });
    // The write reaches the server, the answer does not.
    server.save = ((original) => (request: SaveRequest) => {
      server.save = original;
      void original(request);
      return Promise.reject(new TypeError("Failed to fetch"));
    })(server.save);
    type(saver, "sent once");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.status.kind).toBe("offline");
    type(saver, "sent once, then more");
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.some((s) => s.kind === "conflict")).toBe(false);
    expect(server.content).toEqual(doc("sent once, then more"));
    expect(saver.status.kind).toBe("saved");
  });

  it("stops on a conflict, keeps the writer's text and saves nothing until they choose", async () => {
    const saver = make();
    server.writeAs(ada, doc("Ada's version"));
    type(saver, "my version");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.status).toMatchObject({ kind: "conflict", current: { version: 2, updatedBy: ada } });
    type(saver, "my version, edited while deciding");
    await vi.advanceTimersByTimeAsync(10_000);
    await saver.flush();
    expect(server.calls).toHaveLength(1);
    expect(server.content).toEqual(doc("Ada's version"));
  });

  it("'Keep mine' saves the editor's text on top of the newer version", async () => {
    const saver = make();
    server.writeAs(ada, doc("Ada's version"));
    type(saver, "mine");
    await vi.advanceTimersByTimeAsync(1_000);
    const { current } = saver.status as Extract<SaveStatus, { kind: "conflict" }>;
    await saver.saveOver(current);
    expect(server.calls.at(-1)).toEqual({ baseVersion: 2, content: doc("mine") });
    expect(server.content).toEqual(doc("mine"));
    expect(saver.status.kind).toBe("saved");
  });

  it("'Keep mine' meets a second conflict if someone saved again meanwhile", async () => {
    const saver = make();
    server.writeAs(ada, doc("Ada 1"));
    type(saver, "mine");
    await vi.advanceTimersByTimeAsync(1_000);
    const first = (saver.status as Extract<SaveStatus, { kind: "conflict" }>).current;
    server.writeAs(ada, doc("Ada 2"));
    await saver.saveOver(first);
    expect(saver.status).toMatchObject({ kind: "conflict", current: { version: 3 } });
    expect(server.content).toEqual(doc("Ada 2"));
  });

  it("'Use theirs' takes the newer version as saved and builds on it", async () => {
    const saver = make();
    server.writeAs(ada, doc("Ada's version"));
    type(saver, "mine");
    await vi.advanceTimersByTimeAsync(1_000);
    const { current } = saver.status as Extract<SaveStatus, { kind: "conflict" }>;
    text = "Ada's version";
    saver.acceptRemote(current);
    expect(saver.status).toMatchObject({ kind: "saved", by: ada });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.calls).toHaveLength(1);
    type(saver, "Ada's version, extended");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.calls.at(-1)?.baseVersion).toBe(2);
    expect(server.content).toEqual(doc("Ada's version, extended"));
  });

  it("shows a refusal and does not resend the same content, but tries again after an edit", async () => {
    server.next = { status: "invalid", message: "Content is larger than the 512 KB limit" };
    const saver = make();
    type(saver, "huge");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.status).toEqual({
      kind: "failed",
      reason: "invalid",
      message: "Content is larger than the 512 KB limit",
    });
    await saver.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(1);
    type(saver, "smaller");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.calls).toHaveLength(2);
    expect(saver.status.kind).toBe("saved");
  });

  it("saves a restored draft against the draft's own base version", async () => {
    server.writeAs(ada, doc("moved on"));
    text = "draft from yesterday";
    const saver = make({ baseVersion: 1, savedContent: doc("start") });
    saver.change();
    await saver.flush();
    expect(server.calls).toEqual([{ baseVersion: 1, content: doc("draft from yesterday") }]);
    expect(saver.status.kind).toBe("conflict");
  });

  it("reads content from a new source once the editor is gone", async () => {
    const saver = make();
    type(saver, "typed");
    saver.setContentSource(() => doc("snapshot"));
    await saver.flush();
    expect(server.content).toEqual(doc("snapshot"));
  });
});
