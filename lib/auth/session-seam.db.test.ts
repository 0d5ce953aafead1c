import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// The access matrix signs callers in through runAsActorForTest; it must not exist anywhere else.
describe("the test-only session seam", () => {
  it("runs as the given actor under NODE_ENV=test", async () => {
    const { getActor, runAsActorForTest } = await import("./session");
    const actor = { id: "u1", name: "Test", email: "t@example.test" };
    expect(await runAsActorForTest(actor, () => getActor())).toEqual(actor);
  });

  it.each(["production", "development"])("cannot be used when NODE_ENV=%s", async (env) => {
    vi.stubEnv("NODE_ENV", env);
    vi.resetModules();
    const { runAsActorForTest } = await import("./session");
    expect(() => runAsActorForTest(null, async () => null)).toThrow(/only available when NODE_ENV is "test"/);
  });
});
