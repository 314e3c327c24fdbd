/** The `## heading` section of `markdown`, from its heading to the next `## ` heading or the end; '' when absent. */
export function findSection(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start + 1, end < 0 ? undefined : end + 1).trimEnd() + '\n';
}

/** `markdown` with its `## heading` section replaced by `section` (or `section` appended when it has none). */
export function replaceSection(markdown: string, heading: string, section: string): string {
  const old = findSection(markdown, heading);
  if (old === '') return `${markdown.trimEnd()}\n\n${section.trimEnd()}\n`;
  return markdown.replace(old, `${section.trimEnd()}\n`);
}
