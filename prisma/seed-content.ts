/** Sample content for the demo workspace (the built-in template and one doc). */
export async function seedDemoContent(_userId: string, _workspaceSlug: string): Promise<void> {
  // Filled in by the docs module: built-in template + a sample architecture doc.
}
