// Turbopack loader for @tiptap/suggestion in browser bundles only (next.config.ts, `turbopack.rules`).
//
// @tiptap/suggestion imports Floating UI (~8 KB gzip) for one thing: the `mount` helper it hands to a renderer, which
// places a popup with `computePosition` and `autoUpdate`. Our renderer (components/ui/suggestion-list.ts) places its
// own menu from `clientRect` and never calls `mount`. The package still builds Floating UI's `offset` and `flip`
// middleware on every suggestion; those are plain descriptions, so they stay as small local stand-ins, and
// `computePosition` / `autoUpdate` throw a clear error should a renderer ever call `mount`.
//
// The build stops, rather than ship a broken menu, when a later version imports anything else from Floating UI.
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*["']@floating-ui\/dom["'];?[ \t]*$/m;
const EXPECTED = ["autoUpdate", "computePosition", "flip", "offset"];

const STAND_INS = [
  "const offset = (options) => ({ name: 'offset', options });",
  "const flip = (options) => ({ name: 'flip', options });",
  "const computePosition = () => { throw new Error('@tiptap/suggestion mount(): Floating UI is left out of this " +
    "build (scripts/loaders/tiptap-suggestion-no-floating-ui.cjs); place the popup from clientRect'); };",
  "const autoUpdate = computePosition;",
].join(" ");

function stripFloatingUi(source) {
  const match = IMPORT.exec(source);
  if (!match) {
    if (/@floating-ui\//.test(source))
      throw new Error(
        "@tiptap/suggestion imports Floating UI in a way " +
          "scripts/loaders/tiptap-suggestion-no-floating-ui.cjs does not know",
      );
    return source;
  }
  const names = match[1]
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !EXPECTED.includes(name));
  if (unknown.length)
    throw new Error(
      `@tiptap/suggestion now imports ${unknown.join(", ")} from Floating UI: ` +
        "scripts/loaders/tiptap-suggestion-no-floating-ui.cjs has no stand-in for it",
    );
  return source.replace(IMPORT, STAND_INS);
}

module.exports = function tiptapSuggestionNoFloatingUi(source) {
  return stripFloatingUi(source);
};
module.exports.stripFloatingUi = stripFloatingUi;
