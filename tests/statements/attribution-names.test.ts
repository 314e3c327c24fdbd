import { describe, expect, it } from 'vitest';
import { article, speakerOf } from './speaker-of.js';

/**
 * Names that once hid or invented a candidate for "he" and "she" (made-up texts in the style of
 * the Wikinews articles). A speaker of null means "nobody".
 */
describe('words that look like names but name no one who speaks', () => {
  it('takes no body "of" something for a person: "the Libyan House of Representatives"', () => {
    const body = 'Greek prime minister Kyriakos Mitsotakis spoke in Athens. He also noted that the Libyan House of Representatives did not ratify the deal. The border is the "main difference" between the two, he added.';
    expect(speakerOf(body, 'main difference')).toBe('Kyriakos Mitsotakis');
  });

  it('still counts a person named between as a rival for "he"', () => {
    const body = 'Greek prime minister Kyriakos Mitsotakis spoke in Athens. The talks were chaired by Nikos Dendias. The border is the "main difference" between the two, he added.';
    expect(speakerOf(body, 'main difference')).toBeFalsy();
  });

  it('takes no fictional character for a rival: "the character of Anya Jenkins"', () => {
    const body = 'Emma Caufield talked of being cast in a pilot. Faced with losing the character of Anya Jenkins, the producers made her a regular. "It was a good day," she recalls.';
    expect(speakerOf(body, 'It was a good day')).toBe('Emma Caufield');
  });

  it('still counts a real person named between as a rival for "she"', () => {
    const body = 'Emma Caufield talked of being cast in a pilot. Faced with losing Anya Jenkins, the producers made her a regular. "It was a good day," she recalls.';
    // No statement at all, or one without a speaker: either way nobody's.
    expect(speakerOf(body, 'It was a good day')).toBeFalsy();
  });

  it('does not make a one-word subject a surname everywhere: "Turkey justified" names no Mr Turkey', () => {
    const body = 'Greek prime minister Kyriakos Mitsotakis spoke on Tuesday. The deal is the "main difference" between Greece and Turkey, he added. Turkey justified the claim on its long shoreline.';
    expect(speakerOf(body, 'main difference')).toBe('Kyriakos Mitsotakis');
  });
});

describe('surnames with a capital inside', () => {
  it('reads "Governor Mike DeWine" as a person, so his "he wrote" is his and not the last person\'s', () => {
    const body = 'Trump won the primaries in Florida on Tuesday.\n\nIn Ohio, which was planning to hold its primary on Tuesday, Governor Mike DeWine postponed it. In a statement, he wrote, "We cannot ask poll workers to risk their health."';
    expect(speakerOf(body, 'We cannot ask poll workers to risk their health.')).toBe('Mike DeWine');
  });

  it('resolves "according to eyewitness Vinnie DeVita"', () => {
    const body = 'The bus overturned. According to eyewitness Vinnie DeVita, "within seconds of it all, it exploded." DeVita narrowly escaped.';
    expect(speakerOf(body, 'within seconds of it all, it exploded.')).toBe('Vinnie DeVita');
  });

  it('leaves an unreadable subject between a speaker and "he" as a break', () => {
    const body = 'Trump won the primaries in Florida on Tuesday.\n\nIn Ohio, the governor postponed it. In a statement, he wrote, "We cannot ask poll workers to risk their health."';
    expect(speakerOf(body, 'We cannot ask poll workers to risk their health.')).not.toBe('Donald Trump');
  });
});

describe('"the company" and "the city" stand for the body just named', () => {
  it('gives "the company noted" to the one firm that was the subject just before', () => {
    const body = 'Hasbro hosted a panel about its products. New helmets were shown.\n\nAsked about packaging, the company noted that "we are moving away from plastic altogether."';
    expect(speakerOf(body, 'we are moving away from plastic altogether.')).toBe('Hasbro');
  });

  it('says nothing when two firms were subjects just before', () => {
    const body = 'Hasbro hosted a panel about its products. Mattel hosted another. Asked about packaging, the company noted that "we are moving away from plastic altogether."';
    expect(speakerOf(body, 'we are moving away from plastic altogether.')).toBeFalsy();
  });

  it('takes no person for "the company": a subject the article names in full is someone\'s surname', () => {
    const body = 'Jane Hasbro runs a toy shop. Hasbro hosted a panel about her products. Asked about packaging, the company noted that "we are moving away from plastic altogether."';
    expect(speakerOf(body, 'we are moving away from plastic altogether.')).toBeFalsy();
  });

  it('gives "The city reasoned" to the municipality named in the sentence before', () => {
    const body = 'The request was advanced by the Municipality of Livorno in 2010. The city reasoned, "because the users pay a fee, this kind of activity is a commercial one."';
    expect(speakerOf(body, 'because the users pay a fee, this kind of activity is a commercial one.')).toBe('Municipality of Livorno');
  });

  it('says nothing for "the city" when no town or council was named', () => {
    const body = 'The request was advanced by the schools in 2010. The city reasoned, "because the users pay a fee, this kind of activity is a commercial one."';
    expect(speakerOf(body, 'because the users pay a fee, this kind of activity is a commercial one.')).toBeFalsy();
  });
});

describe('speakers named by the phrase around a quotation', () => {
  it('gives a cited saying to its author, and not what the paragraph says next', () => {
    const body = 'Cherie and Sean O\'Donnell held a session on costumes. They learned from failures, citing the Chuck Jones quote that "every artist has thousands of bad drawings," and moved on. Glue guns are dangerous. They\'re "like sticking your hand in a hot oven."';
    expect(speakerOf(body, 'every artist has thousands of bad drawings')).toBe('Chuck Jones');
    expect(speakerOf(body, 'like sticking your hand in a hot oven.')).not.toBe('Chuck Jones');
  });

  it('gives a word to the one a relative clause says named a thing so: "which President Trump described as"', () => {
    const body = 'Donald Trump held a rally. Documents on the inquiry were released in May, which President Trump described as "Obamagate."';
    expect(speakerOf(body, 'Obamagate.')).toBe('Donald Trump');
  });

  it('leaves a word in quotes alone when a relative clause has no named subject', () => {
    const body = 'Donald Trump held a rally. Documents on the inquiry were released in May, which the press described as "Obamagate."';
    expect(speakerOf(body, 'Obamagate.')).toBeFalsy();
  });

  it('reads "For Kevin Allton, …, Warhol was a legend. He said" as Allton speaking', () => {
    const body = 'Andy Warhol died in 1987. For Kevin Allton, a USI instructor in English, Warhol was also a legend. He said, "Warhol was the center of the Zeitgeist for the century."';
    expect(speakerOf(body, 'Warhol was the center of the Zeitgeist for the century.')).toBe('Kevin Allton');
  });
});

describe('possessives are no given names', () => {
  it('takes no "Its Facebook" for a person, so Facebook elsewhere is still the body speaking', () => {
    const other = article('o', 'The group was founded in 2019. Its Facebook page has over 7000 likes, and it grows.');
    const body = 'Facebook was ordered to remove the post. Facebook released a statement which read, "This judgment raises critical questions around freedom of expression." Facebook further claimed, "It undermines a long-standing principle."';
    expect(speakerOf(body, 'It undermines a long-standing principle.', [other])).toBe('Facebook');
  });
});

describe('an indented block signed on the next line', () => {
  const intro = 'In its finding, the court set rules for any website which hosts user content:\n\n\n';
  it('gives the block to the body that signs it: "  – European Court of Justice"', () => {
    const body = `${intro} By today’s judgment, the Court of Justice answers that the directive does not preclude a court from ordering a host provider to act.\n\n\n – European Court of Justice\n\nAccording to the ruling, a host must remove the post.`;
    expect(speakerOf(body, 'By today’s judgment, the Court of Justice answers that the directive does not preclude a court from ordering a host provider to act.')).toBe('European Court of Justice');
  });

  it('gives a plain paragraph before a signature to nobody: the signed box may be lost', () => {
    const body = `${intro}On the Republican side, Trump reportedly amassed 1,330 delegates, more than the number needed.\n\n\n—Mike DeWine, Twitter\n\nIn Ohio, Governor Mike DeWine postponed the primary.`;
    expect(speakerOf(body, 'On the Republican side, Trump reportedly amassed 1,330 delegates, more than the number needed.')).toBeFalsy();
  });
});

describe('a word after "her" in a sentence where she speaks', () => {
  it('gives the word to the subject when her own words follow: her "passion" … "stemmed through my love"', () => {
    const body = 'Lisa Mancini has been cosplaying for two years, her "passion" for the hobby "stemmed through my love for Halloween."';
    expect(speakerOf(body, 'passion')).toBe('Lisa Mancini');
  });

  it('leaves the word alone when the subject does not speak in the sentence', () => {
    const body = 'Lisa Mancini has been cosplaying for two years, and her "passion" for the hobby shows.';
    expect(speakerOf(body, 'passion')).toBeFalsy();
  });

  it('leaves "her" word alone when the subject is a man', () => {
    const body = 'Mr Tom Mancini has been cosplaying for two years with his wife, her "passion" for the hobby "stemmed through my love for Halloween," he said.';
    expect(speakerOf(body, 'passion')).toBeFalsy();
  });
});

describe('a law quoted by its number', () => {
  it('gives the words to the statute "which says" them', () => {
    const body = 'The notice alleged violation of 17 U.S. Code § 1201 Circumvention of copyright protection systems which says "No person shall circumvent a technological measure that controls access to a work."';
    expect(speakerOf(body, 'No person shall circumvent a technological measure that controls access to a work.')).toBe('17 U.S. Code § 1201');
  });

  it('reads "Section 230 of the Communications Decency Act, which states"', () => {
    const body = 'Critics pointed to Section 230 of the Communications Decency Act, which states that "no provider of an interactive computer service shall be treated as the publisher."';
    expect(speakerOf(body, 'no provider of an interactive computer service shall be treated as the publisher.')).toBe('Section 230 of the Communications Decency Act');
  });

  it('leaves a law named without its words alone', () => {
    const body = 'The notice cited 17 U.S. Code § 1201. Critics called the notice "a disappointing and counterproductive move by the industry."';
    expect(speakerOf(body, 'a disappointing and counterproductive move by the industry.')).not.toBe('17 U.S. Code § 1201');
  });
});

describe('a role between the name and the verb', () => {
  it('records "Jane Roe, director of the Prison Reform Trust, said" as her role', async () => {
    const { extractStatements } = await import('../../src/statements/extract-statements.js');
    const { speakers } = extractStatements([article('t', 'Jane Roe, director of the Prison Reform Trust, said, "Overcrowding in prisons has doubled in a decade."')]);
    expect(speakers.find((s) => s.name === 'Jane Roe')?.roles).toEqual(['director of the Prison Reform Trust']);
  });

  it('records no role from an aside without a title: "Jane Roe, in remarks to the BBC, said"', async () => {
    const { extractStatements } = await import('../../src/statements/extract-statements.js');
    const { speakers } = extractStatements([article('t', 'Jane Roe, in remarks to the BBC, said, "Overcrowding in prisons has doubled in a decade."')]);
    expect(speakers.find((s) => s.name === 'Jane Roe')?.roles).toEqual([]);
  });
});
