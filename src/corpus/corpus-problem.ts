/** Something wrong with one corpus file, said so that its author can fix it. */
export interface CorpusProblem {
  file: string;
  /** The front-matter field at fault, `body`, or null when the file as a whole is. */
  field: string | null;
  message: string;
  /** An error keeps the file out of the corpus; a warning does not. Errors by default. */
  severity?: 'error' | 'warning';
}

/** Formats a problem as `file: field: message`, the form `briefbot check` prints. */
export function formatProblem(p: CorpusProblem): string {
  const level = p.severity === 'warning' ? 'warning' : 'error';
  return `${p.file}: ${level}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}
