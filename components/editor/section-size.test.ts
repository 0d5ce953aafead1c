import { describe, expect, it } from "vitest";
import { estimatedBodyHeight } from "./section-size";

describe("estimatedBodyHeight", () => {
  it("an empty section is its guidance and a button, not 24rem", () => {
    expect(estimatedBodyHeight("", true)).toBe(110);
  });

  it("grows with the text, the code lines and the images a section holds", () => {
    const short = estimatedBodyHeight("<p>One short paragraph.</p>", false);
    const long = estimatedBodyHeight(`<p>${"word ".repeat(400)}</p><ul><li></li><li></li></ul>`, false);
    const code = estimatedBodyHeight(`<pre><code>${"line\n".repeat(30)}</code></pre>`, false);
    const image = estimatedBodyHeight('<p>See:</p><figure><img src="/x.png" alt=""></figure>', false);
    expect(short).toBe(110);
    // 2,000 characters at ~80 a line: 25 lines of 28 px, and the three blocks' gaps.
    expect(long).toBe(25 * 28 + 3 * 14);
    expect(code).toBeGreaterThan(30 * 21);
    expect(image).toBeGreaterThan(280);
  });

  it("stays within bounds for a huge section", () => {
    expect(estimatedBodyHeight(`<p>${"x".repeat(2_000_000)}</p>`, false)).toBe(20_000);
  });
});
