import type { StatementKind } from '../../src/statements/statement.js';

/** One hand-checked statement of the Wikinews sample: where it is, how it starts, who said it. */
export interface ExpectedStatement {
  articleId: string;
  kind: StatementKind;
  /** The first words of the statement's text, enough to pick it out in its article. */
  prefix: string;
  /** The speaker's canonical name, or null where the article does not say who spoke. */
  speaker: string | null;
}

/**
 * Statements of tests/fixtures/wikinews-sample.jsonl (Wikinews, January 2019), each checked by hand
 * against the article text. Only statements the extractor gets right are listed; the ones it gets
 * wrong are recorded in the Wikinews precision report, not here.
 */
export const WIKINEWS_EXPECTED: ExpectedStatement[] = [
  // The quote comes first; "," + role + full name + "told" follows it.
  { articleId: 'wn2019-001', kind: 'direct', prefix: 'The search and rescue operation is complete', speaker: 'Alexander Chupriyan' },
  // "while … Deputy Governor Oleg Klimov indicated 68 people …": the cue starts its own clause.
  { articleId: 'wn2019-001', kind: 'indirect', prefix: '68 people were missing', speaker: 'Oleg Klimov' },
  // An organisation speaks: "The Emergencies Ministry said".
  { articleId: 'wn2019-001', kind: 'indirect', prefix: 'six deaths were of children', speaker: 'Emergencies Ministry' },
  // "Dubrovsky said …, but said this too …": the second "said" keeps the same subject.
  { articleId: 'wn2019-001', kind: 'indirect', prefix: 'this too was unrelated to the other explosion', speaker: 'Boris Dubrovsky' },
  // "… Pelosi told the public" after the quote; McCarthy, named before, never speaks.
  { articleId: 'wn2019-002', kind: 'direct', prefix: 'I pledge that this Congress will be transparent', speaker: 'Nancy Pelosi' },
  // "Trump congratulated Pelosi, saying": the object of "congratulated" is not the speaker.
  { articleId: 'wn2019-002', kind: 'direct', prefix: "hopefully we're going to have a lot of things", speaker: 'Donald Trump' },
  // "President Andrzej Duda said the victims were "…"": a quote inside reported speech.
  { articleId: 'wn2019-003', kind: 'direct', prefix: 'joyful girls starting out in life', speaker: 'Andrzej Duda' },
  // "Duda also characterised the deaths as … and wrote "…"": surname alone, after Brudziński's sentence.
  { articleId: 'wn2019-003', kind: 'direct', prefix: 'May God protect their parents and loved ones.', speaker: 'Andrzej Duda' },
  // Two words quoted inside Kubiak's reported speech to AFP.
  { articleId: 'wn2019-003', kind: 'direct', prefix: 'severe burns', speaker: 'Tomasz Kubiak' },
  // "Kosiec revealed": a surname resolves to the police press officer named one sentence before.
  { articleId: 'wn2019-003', kind: 'indirect', prefix: 'police have been unable to question him', speaker: 'Monika Kosiec' },
  // "He said" right after a sentence whose only person is Troy Roberts.
  { articleId: 'wn2019-004', kind: 'direct', prefix: 'Guardrails can only take so much.', speaker: 'Troy Roberts' },
  // Second sentence of a long quote; "D.C." inside it is no sentence end.
  { articleId: 'wn2019-005', kind: 'direct', prefix: 'Term limits on members of Congress offer a solution', speaker: 'Ted Cruz' },
  // "He also said" continues Trump's run of statements.
  { articleId: 'wn2019-007', kind: 'direct', prefix: 'I never threaten anybody.', speaker: 'Donald Trump' },
  // "The Vice President, Mike Pence, said … the United States is "…"": apposition before the verb.
  { articleId: 'wn2019-007', kind: 'direct', prefix: 'in the midst of a crisis on our southern border.', speaker: 'Mike Pence' },
  // The second of Schumer's two quotes joined by "and"; "He" inside it is the president, not a cue.
  { articleId: 'wn2019-007', kind: 'direct', prefix: 'He resisted.', speaker: 'Chuck Schumer' },
  // Durbin and Schiff are named together; "Schiff called it" picks one.
  { articleId: 'wn2019-007', kind: 'direct', prefix: 'a non-starter', speaker: 'Adam Schiff' },
  // "Durbin said" right after Schiff's sentence.
  { articleId: 'wn2019-007', kind: 'direct', prefix: "I can just tell you, I don't know what he's basing", speaker: 'Dick Durbin' },
  // ""…," he told Scientific American": "he" is Stamenković, the only person of the paragraph before.
  { articleId: 'wn2019-008', kind: 'direct', prefix: 'Our work is calling for a complete revision', speaker: 'Vlada Stamenković' },
  // The second half of a quote split by "he told Scientific American,".
  { articleId: 'wn2019-008', kind: 'direct', prefix: 'implying that if life ever existed on Mars', speaker: 'Vlada Stamenković' },
  // "said Smith" in a paragraph that also quotes Miller: the surname decides.
  { articleId: 'wn2019-009', kind: 'direct', prefix: 'It could also be a power supply issue', speaker: 'Tristan Smith' },
  // "Miller said "…"" right after a clause about Smith.
  { articleId: 'wn2019-009', kind: 'direct', prefix: "It is a little hard to definitively say what's going on", speaker: 'Doug Miller' },
  // A long role phrase before the name: "1st Fleet Command's Navy Information Agency head Arba Agung told".
  { articleId: 'wn2019-009', kind: 'direct', prefix: 'We will continue searching until we find it', speaker: 'Arba Agung' },
  // "He went on to add": Lipo was the last (and only) speaker named.
  { articleId: 'wn2019-010', kind: 'direct', prefix: 'The exceptions to the rule about being at the coast', speaker: 'Carl Lipo' },
  // A news outlet speaks: "Sky News said".
  { articleId: 'wn2019-011', kind: 'indirect', prefix: "Thursday's accident was the fourth major bus crash", speaker: 'Sky News' },
  // "Ex-Prime Minister Donald Tusk, the current President of the European Council, wrote": role and apposition.
  { articleId: 'wn2019-012', kind: 'direct', prefix: 'Paweł, we are with you.', speaker: 'Donald Tusk' },
  // "He said" after Brudziński's sentence: Tusk, named earlier, is no longer the nearest person.
  { articleId: 'wn2019-012', kind: 'direct', prefix: 'I can’t find the words, an explanation', speaker: 'Joachim Brudziński' },
  // "Duda told local media Adamowicz's heart was restarted … "…"": Adamowicz is spoken about, not speaking.
  { articleId: 'wn2019-012', kind: 'direct', prefix: 'and there is hope, but his condition is very difficult.', speaker: 'Andrzej Duda' },
  // ""…," Stefaniak said": a surname after the quote, the full name in the sentence before.
  { articleId: 'wn2019-012', kind: 'direct', prefix: 'The next hours will decide everything', speaker: 'Tomasz Stefaniak' },
  // A curly apostrophe inside the quote (couldn’t) does not end it.
  { articleId: 'wn2019-012', kind: 'direct', prefix: 'We couldn’t win', speaker: 'Łukasz Szumowski' },
  // An agency speaks: "Fars News said".
  { articleId: 'wn2019-013', kind: 'indirect', prefix: 'the crash involved pilot error', speaker: 'Fars News' },
  // "The Aviation Herald reported": the leading "The" is no part of the name.
  { articleId: 'wn2019-013', kind: 'indirect', prefix: 'the failed landing at Fath', speaker: 'Aviation Herald' },
  // "Morell praised Mendez on Twitter:": the person praised is not the speaker.
  { articleId: 'wn2019-015', kind: 'direct', prefix: 'Tony was one of the best officers', speaker: 'Michael Morell' },
  // "Mendez's wife Jonna Mendez … said": the wife, not Tony Mendez.
  { articleId: 'wn2019-015', kind: 'direct', prefix: 'It was incredible to work with my husband.', speaker: 'Jonna Mendez' },
  // Last sentence of Affleck's four-sentence tweet.
  { articleId: 'wn2019-015', kind: 'direct', prefix: "I'm so proud to have worked for him", speaker: 'Ben Affleck' },
  // "German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said": the spokesperson, not Merkel.
  { articleId: 'wn2019-016', kind: 'direct', prefix: 'that this airline carries out transports to Germany', speaker: 'Steffen Seibert' },
  // "Hotak also alleged the central government are "…"".
  { articleId: 'wn2019-017', kind: 'direct', prefix: 'hiding accurate casualty figures', speaker: 'Sharif Hotak' },
  // "Abdurrahman Mangal, spokesperson for the provincial governor, said".
  { articleId: 'wn2019-017', kind: 'indirect', prefix: 'the attack had killed twelve', speaker: 'Abdurrahman Mangal' },
  // A cue phrase of thirty words ("co-author of a new study published in …, declared").
  { articleId: 'wn2019-018', kind: 'direct', prefix: "the strongest single predictor of a state's youth suicide rate", speaker: 'Michael Siegel' },
  // Second sentence of the press-release quote after "In a press release, Gownaris said,".
  { articleId: 'wn2019-019', kind: 'direct', prefix: "Today, it's approaching three males for every female.", speaker: 'Natasha Gownaris' },
  // ""…," said Delfin Lorenzana, the Defence Secretary": inverted cue with a role after the name.
  { articleId: 'wn2019-020', kind: 'direct', prefix: 'We will use the full force of the law', speaker: 'Delfin Lorenzana' },
  // "Mijares further claimed": surname of the superintendent named in the sentence before.
  { articleId: 'wn2019-020', kind: 'indirect', prefix: '90 civilians were wounded', speaker: 'Graciano Mijares' },
  // "The Coast Guard said their casualties …".
  { articleId: 'wn2019-020', kind: 'indirect', prefix: 'their casualties were attending mass', speaker: 'Coast Guard' },
];
