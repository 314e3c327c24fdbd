import path from 'node:path';
import YAML from 'yaml';
import { FrontMatterSchema, precisionOf, type Article } from './article.js';
import type { CorpusProblem } from './corpus-problem.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Splits a corpus file into its YAML front matter and its verbatim body. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  if (!text.startsWith('---', start)) return null;
  const open = text.indexOf('\n', start);
  if (open < 0 || text.slice(start, open).trim() !== '---') return null;
  const close = /^---[ \t]*\r?$/m;
  const rest = text.slice(open + 1);
  const m = close.exec(rest);
  if (!m) return null;
  const yaml = rest.slice(0, m.index);
  let bodyStart = m.index + m[0].length;
  if (rest[bodyStart] === '\n') bodyStart += 1;
  return { yaml, body: rest.slice(bodyStart) };
}

/** Parses one corpus file's text into an article, or into the problems that keep it out. */
export function parseArticleFile(file: string, text: string): { article: Article | null; problems: CorpusProblem[] } {
  const id = path.basename(file, '.md');
  const problems: CorpusProblem[] = [];
  if (!ID_PATTERN.test(id)) {
    problems.push({ file, field: null, message: 'file name must use only letters, digits, ".", "_" and "-" (it is the article id)' });
  }
  const parts = splitFrontMatter(text);
  if (!parts) {
    problems.push({ file, field: null, message: 'no front matter: the file must start with a line "---", the YAML fields, and a closing "---"' });
    return { article: null, problems };
  }
  let data: unknown;
  try {
    data = YAML.parse(parts.yaml);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    problems.push({ file, field: null, message: `front matter is not valid YAML${line ? ` (line ${line + 1} of the file)` : ''}` });
    return { article: null, problems };
  }
  const result = FrontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.length ? issue.path.join('.') : null;
      const message = issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
      problems.push({ file, field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : field, message });
    }
  }
  if (parts.body.trim() === '') problems.push({ file, field: 'body', message: 'the article has no text after the front matter' });
  if (!result.success || problems.length > 0) return { article: null, problems };
  const fm = result.data;
  const article: Article = {
    id,
    path: file,
    title: fm.title,
    outlet: fm.outlet,
    url: fm.url,
    published: {
      value: fm.published,
      precision: precisionOf(fm.published),
      inferred: fm.published_inferred !== undefined,
      ...(fm.published_inferred ? { note: fm.published_inferred } : {}),
    },
    body: parts.body,
    ...(fm.title_inferred ? { titleInferred: fm.title_inferred } : {}),
    ...(fm.byline ? { byline: fm.byline } : {}),
    ...(fm.licence ? { licence: fm.licence } : {}),
  };
  return { article, problems };
}
