import { describe, expect, it } from "vitest";
import { createStoreGate, storeConcurrency } from "./store-gate";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("createStoreGate", () => {
  it("runs at most `limit` at once, the rest in arrival order, and passes results and failures through", async () => {
    const gate = createStoreGate(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const job = (n: number) =>
      gate(async () => {
        running++;
        most = Math.max(most, running);
        order.push(n);
        await new Promise<void>((r) => releases.push(r));
        running--;
        if (n === 3) throw new Error("three");
        return n;
      });
    const results = [1, 2, 3, 4].map((n) => job(n).catch((e: Error) => e.message));
    await tick();
    expect(order).toEqual([1, 2]);
    releases.shift()!();
    await tick();
    await tick();
    expect(order).toEqual([1, 2, 3]);
    while (releases.length || order.length < 4) {
      releases.shift()?.();
      await tick();
    }
    expect(await Promise.all(results)).toEqual([1, 2, "three", 4]);
    expect(most).toBe(2);
  });

  it("leaves half the pool to connections, at least one store", () => {
    expect(storeConcurrency(10)).toBe(5);
    expect(storeConcurrency(1)).toBe(1);
    expect(storeConcurrency(Number.NaN)).toBe(5);
  });
});
