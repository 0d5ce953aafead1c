import bash from "highlight.js/lib/languages/bash";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import yaml from "highlight.js/lib/languages/yaml";
import { lowlight } from "./lowlight";

/**
 * The server's entry to lowlight: every grammar registered synchronously, so
 * server rendering (./highlight-html.ts) highlights all languages on first use.
 * Same instance as the browser's (./lowlight.ts), which loads grammars lazily.
 */
lowlight.register({ bash, go, java, javascript, json, python, rust, sql, typescript, yaml });

export { DEFAULT_CODE_LANGUAGE, isKnownLanguage, lowlight } from "./lowlight";
