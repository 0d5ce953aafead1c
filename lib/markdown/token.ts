import type MarkdownIt from "markdown-it";

/** markdown-it's token, named through the parser's own signature (its subpath types resolve differently). */
export type Token = ReturnType<ReturnType<typeof MarkdownIt>["parse"]>[number];
