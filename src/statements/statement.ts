/** Whether a statement reproduces the speaker's words or reports them. */
export type StatementKind = 'direct' | 'indirect';

/** One thing someone said, as an exact span of one article's body. */
export interface Statement {
  /** `<articleId>#<start>`: stable while the article text does not change. */
  id: string;
  articleId: string;
  /** Exactly `body.slice(start, end)`: for a direct quote, the words inside the quote marks. */
  text: string;
  start: number;
  end: number;
  kind: StatementKind;
  /** Canonical speaker id, or null when the article does not say who spoke. */
  speakerId: string | null;
  /** The words the speaker was identified by, e.g. "said Ian Dalton", or null. */
  cue: string | null;
  /**
   * For a direct statement, the whole quotation it is part of (the words inside the marks, which
   * may hold several sentences): `body.slice(quotation.start, quotation.end)`. Null for reported speech.
   */
  quotation: { start: number; end: number } | null;
}

/** A person or organisation that speaks in the corpus, with every name the articles use. */
export interface Speaker {
  id: string;
  /** The fullest name the articles give, without honorifics: "Michael Dixon". */
  name: string;
  kind: 'person' | 'organisation';
  /** Every form seen: "Dr Michael Dixon", "Dr Dixon", "Dixon". */
  aliases: string[];
  /** Roles from the text: "chairman of the NHS Alliance". */
  roles: string[];
}
