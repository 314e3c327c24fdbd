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

/** Why a corpus entry could not be read, from the error code of reading it, said for its author. */
export function unreadableMessage(code: string | undefined): string {
  switch (code) {
    case 'EISDIR':
      return 'is a folder, not an article file; it is not served';
    case 'ENOENT':
      // Listed a moment ago: a link to nothing, or a file removed while it was being read.
      return 'is a link to a file that does not exist (or was removed while being read); it is not served';
    case 'ELOOP':
      return 'is a link that loops back on itself; it is not served';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied; it is not served';
    default:
      return `cannot be read (${code ?? 'error'}); it is not served`;
  }
}
