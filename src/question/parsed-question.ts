/** A name the question parser can recognise, with every alias it goes by. */
export interface KnownSpeaker {
  id: string;
  name: string;
  aliases: string[];
}

/** What the parser needs to know of the corpus. */
export interface QuestionContext {
  speakers: KnownSpeaker[];
  /** Outlet names as the corpus writes them, e.g. "Pulse", "GP (GPonline.com)". */
  outlets: string[];
  /** "Today", for relative dates such as "this year"; injected so tests are stable. */
  now: Date;
}

/** A question taken apart. Dates are inclusive ISO days. */
export type ParsedQuestion =
  | { kind: 'command'; command: 'help' | 'sources' | 'speakers' }
  | { kind: 'invalid'; reason: 'empty' | 'too_long' | 'no_words'; message: string }
  | {
      kind: 'query';
      /** The question after cleaning (control characters, markup and extra spaces removed). */
      question: string;
      /** Id of the known speaker named, if any. */
      speakerId: string | null;
      /** The name as written ("Andrew Lansley", "Dixon"), also when it matches no known speaker. */
      speakerQuery: string | null;
      /** The words left to search for, or null when none. */
      topic: string | null;
      /** For "who said …?": the phrase asked about. */
      phrase: string | null;
      dateFrom: string | null;
      dateTo: string | null;
      /** The date words as written, e.g. "in 2011", "since June 2012". */
      dateText: string | null;
      /** The corpus outlet named ("in Pulse"), as the corpus writes it. */
      outlet: string | null;
      sort: 'relevance' | 'newest';
    };
