import { afterEach, describe, expect, it } from "vitest";
import { collabConnectSource } from "@/lib/security-headers";
import { collabPublicUrls } from "./urls";

describe("collaboration URLs for pages", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("lists COLLAB_PUBLIC_URLS in order (the app's own first), else COLLAB_PUBLIC_URL, else none", () => {
    expect(collabPublicUrls({ COLLAB_PUBLIC_URLS: "ws://a:1, ws://b:2,,https://x, ws://a:1" })).toEqual([
      "ws://a:1",
      "ws://b:2",
    ]);
    expect(collabPublicUrls({ COLLAB_PUBLIC_URL: "wss://review.example.com/collab" })).toEqual([
      "wss://review.example.com/collab",
    ]);
    expect(collabPublicUrls({})).toEqual([]);
  });

  it("lets the page's Content-Security-Policy connect to every collaboration process", () => {
    process.env.COLLAB_PUBLIC_URLS = "ws://127.0.0.1:7001,ws://127.0.0.1:7002";
    expect(collabConnectSource("localhost")).toBe(" ws://127.0.0.1:7001 ws://127.0.0.1:7002");
  });
});
