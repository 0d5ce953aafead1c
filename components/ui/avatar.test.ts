import { describe, expect, it } from "vitest";
import { getAvatarColor, getInitials } from "./avatar";
import { cn } from "./cn";

describe("getInitials", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["  grace   brewster hopper ", "GH"],
    ["linus", "L"],
    ["alan.turing@example.com", "AT"],
    ["ken@example.com", "K"],
    ["Édith Piaf", "ÉP"],
    ["(Bob) Smith", "BS"],
    ["", "?"],
    ["   ", "?"],
    ["— —", "?"],
  ])("%j → %s", (name, initials) => {
    expect(getInitials(name)).toBe(initials);
  });

  it("keeps a letter outside the BMP whole", () => {
    expect(getInitials("𝒜lice 𝒵eta")).toBe("𝒜𝒵");
  });
});

describe("getAvatarColor", () => {
  it("gives one person the same colour however the name is spaced or cased", () => {
    expect(getAvatarColor("Ada Lovelace")).toBe(getAvatarColor("  ada lovelace "));
  });

  it("spreads a team over several colours", () => {
    const names = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Dennis", "Radia", "Frances", "Margaret"];
    expect(new Set(names.map(getAvatarColor)).size).toBeGreaterThanOrEqual(5);
  });
});

describe("cn", () => {
  it("joins truthy class names and drops the rest", () => {
    expect(cn("a", false, null, undefined, 0, "", "b")).toBe("a b");
  });
});
