import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { convertMarkdown, planMarkdownImport } from "./run";
import { stored, textOf } from "./test-helpers";

/**
 * The longest the event loop stood still while `work` ran. A parser on this thread would stop it
 * for the whole parse; waiting on the worker leaves only the machine's own scheduling hiccups
 * (a timer per 5 ms notes each gap; the last one runs to the moment the answer is handled).
 */
async function stillestDuring<T>(work: () => Promise<T>): Promise<{ result: T; maxGapMs: number; elapsedMs: number }> {
  const started = performance.now();
  let last = started;
  let maxGapMs = 0;
  const note = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  };
  const timer = setInterval(note, 5);
  try {
    // Started after the clock: a parse done synchronously inside the call counts as a gap too.
    const result = await work();
    note();
    return { result, maxGapMs, elapsedMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe("Markdown in the parser's worker", { timeout: 120_000 }, () => {
  it("converts Markdown into section content", async () => {
    const { doc, text, html } = await convertMarkdown("# Hi\n\nSome *text*.");
    expect(textOf(stored(doc))).toBe("HiSome text.");
    expect(text).toBe("Hi\nSome text.");
    expect(html).toBe('<h3 id="hi">Hi</h3><p>Some <em>text</em>.</p>');
  });

  it.each(["[", "<", "*", "_", "`", "|", "![", "-", "&", "\\"])(
    "reads 1 MB of %j without holding this thread: content, or a 422 when it is more than a section holds",
    async (unit) => {
      const markdown = unit.repeat(Math.floor(1_000_000 / unit.length));
      const work = () =>
        convertMarkdown(markdown).then(
          (r) => r.doc.type,
          (e: unknown) => (isAppError(e) ? e.code : "crash"),
        );
      const { result, maxGapMs, elapsedMs } = await stillestDuring(work);
      expect(["doc", "INVALID_INPUT"]).toContain(result);
      // Parsed here, the loop would stand still for about the whole parse (1.5 to 9 s for "[", "<", "![", "&" and
      // "\\"). The worker may answer the quick ones before a 5 ms tick, so the bound is not "some tick passed" but:
      // the loop never stood still for half a second, nor for half of the time the work took.
      expect(maxGapMs).toBeLessThan(Math.max(500, elapsedMs / 2));
    },
  );

  it("answers 1 MB of > (a million nested quotes) with a 422, not a crash", async () => {
    const error = await convertMarkdown(">".repeat(1_000_000)).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("INVALID_INPUT");
  });

  it("refuses 100,000 nested quotes with the line where they are, in words", async () => {
    const error = await planMarkdownImport("intro\n\n" + ">".repeat(100_000) + " deep\n", { template: [] }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error) && error.code).toBe("INVALID_INPUT");
    expect((error as Error).message).toBe("Quotes or lists are nested more than 20 levels deep (line 3).");
  });
});
