/** A diagram's starting point, for the toolbar and the slash menu: it draws at once and the writer edits it. */
export const DIAGRAM_STARTER = "flowchart LR\n  client[Client] --> api[API]\n  api --> db[(Database)]";
