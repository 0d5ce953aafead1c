import { describe, expect, it } from "vitest";
import { assignSectionKeys, newSectionKey, SECTION_KEY_PATTERN } from "./section-keys";

describe("newSectionKey", () => {
  it("slugs the title and numbers repeats", () => {
    const taken = new Set<string>();
    expect(newSectionKey("Risks & Mitigation", taken)).toBe("risks-mitigation");
    expect(newSectionKey("Risks / Mitigation", taken)).toBe("risks-mitigation-2");
    expect(newSectionKey("risks mitigation", taken)).toBe("risks-mitigation-3");
  });

  it("falls back to 'section' for titles without latin letters or digits, and stays a valid key when long", () => {
    const taken = new Set<string>();
    expect(newSectionKey("数据模型", taken)).toBe("section");
    expect(newSectionKey("—", taken)).toBe("section-2");
    const long = newSectionKey("a very long title ".repeat(10), taken);
    expect(long).toMatch(SECTION_KEY_PATTERN);
    expect(long.endsWith("-")).toBe(false);
  });
});

describe("assignSectionKeys", () => {
  it("keeps the template's own keys through renames and moves, and gives new sections fresh ones", () => {
    const existing = new Set(["overview", "data-model"]);
    const keys = assignSectionKeys(
      [{ key: "data-model", title: "Schema" }, { title: "Overview" }, { key: "overview", title: "Summary" }],
      existing,
    ).map((s) => s.key);
    expect(keys).toEqual(["data-model", "overview-2", "overview"]);
  });

  it("does not trust keys the template does not have, nor the same key twice", () => {
    const keys = assignSectionKeys(
      [
        { key: "api", title: "API" },
        { key: "api", title: "API v2" },
        { key: "someone-elses", title: "Other" },
      ],
      new Set(["api"]),
    ).map((s) => s.key);
    expect(keys).toEqual(["api", "api-v2", "other"]);
  });

  it("never gives a new section the key of one being removed", () => {
    const keys = assignSectionKeys([{ title: "Overview" }], new Set(["overview"])).map((s) => s.key);
    expect(keys).toEqual(["overview-2"]);
  });
});
