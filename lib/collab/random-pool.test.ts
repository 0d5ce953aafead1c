import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import "./random-pool";

describe("the collaboration process's pooled getRandomValues", () => {
  it("fills each array with bytes no other call got, across refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const words = webcrypto.getRandomValues(new Uint32Array(4));
      seen.add(Buffer.from(words.buffer).toString("hex"));
    }
    // 2,000 × 16 bytes is ~8 refills of the 4 KB pool; a byte handed out twice would repeat a value.
    expect(seen.size).toBe(2_000);
  });

  it("still answers large and float arrays as Node does", () => {
    expect(webcrypto.getRandomValues(new Uint8Array(1024)).some((b) => b !== 0)).toBe(true);
    expect(() => webcrypto.getRandomValues(new Float64Array(2) as never)).toThrow();
  });
});
