// Turbopack loader for lucide-react's dist/esm/createLucideIcon.mjs, in every bundle (browser and server alike, so
// server HTML and the browser's first render agree): its text becomes scripts/loaders/lucide-icon.mjs, which says
// why. If a later lucide-react changes how icons are made (the icon modules' call, or what createLucideIcon takes),
// the build stops here instead of shipping icons that render wrongly.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Turbopack runs webpack loaders as CommonJS
const { readFileSync } = require("node:fs");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const path = require("node:path");

const EXPECTED = /function createLucideIcon\(iconDataOrName, iconNode = \[\], aliases = \[\]\)/;

function lightLucideIcon(source) {
  if (!EXPECTED.test(source))
    throw new Error(
      "lucide-react's createLucideIcon is not the one scripts/loaders/lucide-icon.mjs stands in for: " +
        "check the new version's icons against it (scripts/loaders/lucide-icon.test.ts), then update the loader",
    );
  return readFileSync(path.join(__dirname, "lucide-icon.mjs"), "utf8");
}

module.exports = function lucideLightIcon(source) {
  return lightLucideIcon(source);
};
module.exports.lightLucideIcon = lightLucideIcon;
