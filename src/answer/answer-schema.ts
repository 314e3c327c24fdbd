import { z } from 'zod';
import { PublishedDateSchema } from '../corpus/article.js';
import type { QuoteContext } from '../context/quote-context.js';
import type { ReportInput } from '../corrections/reports.js';

/** A speaker as answers show them. */
export const SpeakerRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'organisation']),
  /** Roles the articles give this speaker, e.g. "chairman of the NHS Alliance". */
  roles: z.array(z.string()),
});
export type SpeakerRef = z.infer<typeof SpeakerRefSchema>;

/** One article that reported a statement, with the wording and span it used. */
export const SourceSchema = z.object({
  articleId: z.string(),
  outlet: z.string(),
  title: z.string(),
  url: z.string(),
  date: PublishedDateSchema,
  /** The statement's id in this article and its exact wording and offsets there. */
  statementId: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A span of an article body, as offsets: `body.slice(start, end)`. */
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });
export type Span = z.infer<typeof SpanSchema>;

/**
 * The speaker's whole quoted passage around a direct quote (all the words between the marks, which
 * may hold several sentences), in the article of the result's own statement. A long passage is
 * trimmed around the matching part: `text` is still an exact span, and `trimmedStart`/`trimmedEnd`
 * say that words of the quotation were left out there, for renderers to show an ellipsis.
 */
export const QuotationSchema = z.object({
  /** Exactly `body.slice(start, end)` of the result's article. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  trimmedStart: z.boolean(),
  trimmedEnd: z.boolean(),
  /** The part that matches the question (the result's statement), within `start`–`end`. */
  match: SpanSchema,
});
export type Quotation = z.infer<typeof QuotationSchema>;

/**
 * Words of an article that mention a speaker and the topic but are not attributed to that speaker:
 * shown apart, labelled "not confirmed as their words", never as a quote of theirs.
 */
export const PassageSchema = z.object({
  /** Exactly `body.slice(start, end)`: a paragraph, or part of one. */
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  trimmedStart: z.boolean(),
  trimmedEnd: z.boolean(),
  articleId: z.string(),
  outlet: z.string(),
  title: z.string(),
  url: z.string(),
  date: PublishedDateSchema,
});
export type Passage = z.infer<typeof PassageSchema>;

/** Passages that mention the speaker asked about, and the label every surface shows above them. */
export const UnconfirmedSchema = z.object({
  /** "Passages that mention Hasbro (not confirmed as Hasbro's words)". */
  label: z.string(),
  passages: z.array(PassageSchema).min(1),
});
export type Unconfirmed = z.infer<typeof UnconfirmedSchema>;

/** One statement answering the question: the words, who said them, where they were reported. */
export const ResultSchema = z.object({
  /** Id of the statement shown (the fullest wording among its sources). */
  id: z.string(),
  /** Exact span of the first article in which this wording appears. */
  text: z.string(),
  /** `direct`: the speaker's own words between quote marks; `indirect`: reported speech, a paraphrase. */
  kind: z.enum(['direct', 'indirect']),
  /** Null when the articles do not say who spoke: never a guess. */
  speaker: SpeakerRefSchema.nullable(),
  /** The words the speaker was identified by, e.g. "said Ian Dalton" or "he told the conference". */
  cue: z.string().nullable(),
  /** Every article that reported it, earliest first. */
  sources: z.array(SourceSchema).min(1),
  score: z.number(),
  /** For a direct quote, the whole quotation it belongs to with the matching part marked; null for reported speech. */
  quotation: QuotationSchema.nullable().optional(),
  /** Set when an editor corrected this statement, e.g. "speaker corrected by an editor". */
  correction: z.string().optional(),
});
export type Result = z.infer<typeof ResultSchema>;

/** What the question was understood to ask, so users can see what was searched. */
export const InterpretationSchema = z.object({
  question: z.string(),
  /** The speaker named, resolved to the corpus's canonical speaker when one matches. */
  speaker: SpeakerRefSchema.nullable(),
  /** The name as the user wrote it, kept when it matches no speaker. */
  speakerQuery: z.string().nullable(),
  /** Words to search for, after the speaker, dates and outlet were taken out. */
  topic: z.string().nullable(),
  /** For "who said X?": the phrase to find. */
  phrase: z.string().nullable(),
  /** Inclusive ISO dates (YYYY-MM-DD) bounding publication. */
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  /** The date range as the user wrote it, e.g. "in 2011". */
  dateText: z.string().nullable(),
  outlet: z.string().nullable(),
  sort: z.enum(['relevance', 'newest']),
  /** For a follow-up ("and in 2011?"): the parts kept from the previous question. */
  carried: z.array(z.enum(['speaker', 'topic', 'dates', 'outlet'])).optional(),
  /** For "who else said that?": the previous speaker, left out. */
  excludedSpeaker: SpeakerRefSchema.optional(),
});
export type Interpretation = z.infer<typeof InterpretationSchema>;

/** Summary of an article for `sources`. */
export const SourceSummarySchema = z.object({
  articleId: z.string(),
  outlet: z.string(),
  title: z.string(),
  url: z.string(),
  date: PublishedDateSchema,
  statements: z.number().int(),
});

/** Summary of a speaker for `speakers`. */
export const SpeakerSummarySchema = SpeakerRefSchema.extend({
  aliases: z.array(z.string()),
  statements: z.number().int(),
});
export type SpeakerSummary = z.infer<typeof SpeakerSummarySchema>;

/** Everything the core can answer. Renderers switch on `kind`. */
export const AnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('results'),
    interpretation: InterpretationSchema,
    results: z.array(ResultSchema).min(1),
    /** How many results match in all; `results` is the page from `offset`. */
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    /** Set when the answer was widened, e.g. a date range that matched nothing for this speaker. */
    note: z.string().nullable(),
    /** Words that mention the speaker and topic but are not theirs for certain: shown apart, labelled. */
    unconfirmed: UnconfirmedSchema.optional(),
  }),
  z.object({
    kind: z.literal('nothing'),
    interpretation: InterpretationSchema,
    /** A plain sentence: what was searched and found nothing, e.g. "No quotes from Andrew Lansley in the corpus." */
    message: z.string(),
    /** Questions that would find something. */
    suggestions: z.array(z.string()),
    /** Words that mention the speaker and topic but are not theirs for certain: shown apart, labelled. */
    unconfirmed: UnconfirmedSchema.optional(),
  }),
  z.object({
    kind: z.literal('help'),
    examples: z.array(z.string()),
    commands: z.array(z.object({ command: z.string(), description: z.string() })),
  }),
  z.object({
    kind: z.literal('sources'),
    sources: z.array(SourceSummarySchema),
  }),
  z.object({
    kind: z.literal('speakers'),
    speakers: z.array(SpeakerSummarySchema),
  }),
  z.object({
    kind: z.literal('invalid'),
    reason: z.enum(['empty', 'too_long', 'no_words']),
    /** A polite sentence to show the user. */
    message: z.string(),
  }),
]);
export type Answer = z.infer<typeof AnswerSchema>;
export type AnswerKind = Answer['kind'];

/** Options of one question. */
export interface AskOptions {
  /** Results per page (default 5, at most 50). */
  limit?: number;
  /** Results to skip, for "More results". */
  offset?: number;
  /** The previous question's interpretation in this conversation: a follow-up ("and in 2011?") builds on it. */
  previous?: Interpretation;
  /** A conversation key (Slack thread or DM, Teams conversation): `withFollowUps` keeps the previous interpretation under it. */
  conversation?: string;
}

/** The one call adapters make: a question in, an Answer out. */
export interface Briefbot {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** A statement where it stands in its article (the context page); null when it is not in the corpus. */
  quote?(statementId: string): Promise<QuoteContext | null>;
  /** The result a statement id belongs to, as answers show it (for "Copy citation"); null when it is gone. */
  result?(statementId: string): Promise<Result | null>;
  /** Records a "Wrong speaker?" report beside the corpus; false when the statement is gone. Never changes an answer. */
  report?(input: ReportInput): Promise<boolean>;
}
