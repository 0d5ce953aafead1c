import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipStream, type ZipEntry } from "./zip-stream";

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("zipStream", () => {
  it("writes every entry, whole or in chunks, into an archive unzip reads back", async () => {
    async function* entries(): AsyncGenerator<ZipEntry> {
      yield { name: "docs/a.md", data: "# A\n\nHello." };
      yield {
        name: "audit.json",
        data: (async function* () {
          yield "[";
          yield "1,";
          yield "2";
          yield "]";
        })(),
      };
      yield { name: "images/x.png", data: new Uint8Array([137, 80, 78, 71]), compress: false };
    }
    const files = unzipSync(new Uint8Array(await new Response(zipStream(entries())).arrayBuffer()));
    expect(Object.keys(files)).toEqual(["docs/a.md", "audit.json", "images/x.png"]);
    expect(text(files["docs/a.md"])).toBe("# A\n\nHello.");
    expect(JSON.parse(text(files["audit.json"]))).toEqual([1, 2]);
    expect([...files["images/x.png"]!]).toEqual([137, 80, 78, 71]);
  });

  it("loads an entry only when the reader gets to it (a large workspace is never in memory whole)", async () => {
    let loaded = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let i = 0; i < 1000; i++) {
        loaded++;
        yield { name: `images/${i}.bin`, data: new Uint8Array(64 * 1024).fill(i % 256), compress: false };
      }
    }
    const reader = zipStream(entries()).getReader();
    await reader.read();
    await reader.read();
    expect(loaded).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(loaded).toBeLessThanOrEqual(2);
  });
});
