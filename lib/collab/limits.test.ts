import { describe, expect, it } from "vitest";
import { LIMITS, MessageLimiter } from "./limits";

describe("MessageLimiter", () => {
  it("lets a typist through and stops a flood until it slows down", () => {
    let t = 0;
    const limiter = new MessageLimiter(() => t);
    // A burst the size of the allowance passes, the next message does not.
    for (let i = 0; i < LIMITS.messageBurst; i++) expect(limiter.take(20)).toBe(true);
    expect(limiter.take(20)).toBe(false);
    // A second later, a second's worth passes again.
    t += 1000;
    for (let i = 0; i < LIMITS.messagesPerSecond; i++) expect(limiter.take(20)).toBe(true);
    expect(limiter.take(20)).toBe(false);
  });

  it("counts bytes too: one huge paste passes, a stream of them does not", () => {
    const t = 0;
    const limiter = new MessageLimiter(() => t);
    expect(limiter.take(LIMITS.maxMessageBytes)).toBe(true);
    expect(limiter.take(LIMITS.maxMessageBytes)).toBe(true);
    expect(limiter.take(LIMITS.maxMessageBytes)).toBe(false);
  });
});
