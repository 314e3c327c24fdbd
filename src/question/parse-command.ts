/** A command a user can type instead of a question. */
export type Command = 'help' | 'sources' | 'speakers';

const LEFTOVER_PREFIX = /^(?:[/!@]?brief(?:bot)?\b[\s:,]*|\/)/i;
const POLITE = /^(?:(?:please|pls|can you|could you|would you)\s+)+|(?:\s+please)+$/gi;

const HELP = /^(?:\?+|help|h|usage|commands|menu|start|hi|hello|hey|help me|what can you do|how (?:do i use (?:this|you|it)|does (?:this|it) work))$/;
const SOURCES =
  /^(?:(?:list|show(?: me)?|get|what|which|what are(?: the)?|which are(?: the)?|what are your|all)\s+)?(?:(?:the|your|all(?: the)?)\s+)?(?:sources|source|outlets|articles|publications|papers)(?:\s+(?:do you (?:have|know|use)|are there|are available|available|do you cover|you have|you use))?$/;
const SPEAKERS =
  /^(?:(?:list|show(?: me)?|get|what|which|what are(?: the)?|which are(?: the)?|all)\s+)?(?:(?:the|your|all(?: the)?)\s+)?(?:speakers|speaker|people)(?:\s+(?:do you (?:have|know)|are there|are available|available|can i ask about|are quoted|you know))?$|^who(?:\s+(?:speaks|is quoted|are the speakers|can i ask about|do you (?:have|know)(?: quotes from)?|is in the corpus)|'s quoted|'s in the corpus)$/;

/**
 * Recognises a command ("help", "?", "sources", "list speakers", "/brief help"). Only the
 * whole message counts: "help me find quotes on senates" is a question.
 */
export function parseCommand(cleaned: string): Command | null {
  const text = cleaned
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(LEFTOVER_PREFIX, '')
    .replace(/[.!]+$|(?<=\w)\?+$/g, '')
    .replace(POLITE, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (HELP.test(text)) return 'help';
  if (SOURCES.test(text)) return 'sources';
  if (SPEAKERS.test(text)) return 'speakers';
  return null;
}
