import { z } from 'zod';

/** How precisely an article's publication date is known. */
export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** A publication date with its precision and, when estimated, why. */
export const PublishedDateSchema = z.object({
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, exactly as the corpus file gives it. */
  value: z.string(),
  precision: DatePrecisionSchema,
  /** True when the date was worked out from the text or events rather than stated by the outlet. */
  inferred: z.boolean(),
  /** Why the date is inferred, for the reader who wants to check. */
  note: z.string().optional(),
});
export type PublishedDate = z.infer<typeof PublishedDateSchema>;

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Tells whether `value` is a real calendar date in one of the three accepted precisions. */
export function isValidPublishedValue(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** The precision a `published` value carries: day, month or year. */
export function precisionOf(value: string): DatePrecision {
  return value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/**
 * The YAML front matter of a corpus file. YAML reads `published: 2012` as a number,
 * so numbers are accepted and turned back into text before the date is checked.
 */
export const FrontMatterSchema = z
  .object({
    title: nonEmpty,
    title_inferred: nonEmpty.optional(),
    outlet: nonEmpty,
    published: z
      .union([z.string(), z.number().int()])
      .transform((v) => String(v).trim())
      .refine(isValidPublishedValue, 'must be a real date written YYYY-MM-DD, YYYY-MM or YYYY'),
    published_inferred: nonEmpty.optional(),
    url: z
      .string()
      .trim()
      .refine((u) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(u) && URL.canParse(u), 'must be an http(s) address'),
    byline: nonEmpty.optional(),
    licence: nonEmpty.optional(),
    source: nonEmpty.optional(),
  })
  .strict();
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** One article of the corpus: its metadata and its body exactly as stored. */
export interface Article {
  /** The file name without `.md`. */
  id: string;
  /** The file the article was read from. */
  path: string;
  title: string;
  titleInferred?: string;
  outlet: string;
  url: string;
  byline?: string;
  licence?: string;
  published: PublishedDate;
  /** The text after the front matter, verbatim: statement offsets index into it. */
  body: string;
}
