import { describe, expect, it } from 'vitest';
import { article, speakerOf } from './speaker-of.js';

/**
 * Subjects and clauses of saying that real news writes and the extractor first missed (made-up
 * texts in the style of the Wikinews articles). A speaker of null means "nobody".
 */
describe('a namesake named once keeps the surname only nearby', () => {
  const early = 'Donald Trump held a rally in Tulsa. Trump spoke for an hour. Trump praised the crowd. ';
  const niece = "Several days later, Trump's niece Mary Trump released a book about the family. ";
  const filler = 'The book alleges many things about his youth, his school and his friends, and the president denied them all at length in several interviews given that week. '.repeat(3);

  it('gives the bare surname to the person named first when the namesake was named long before', () => {
    const body = `${early}${niece}${filler}Trump lauded the senator as a "powerful voice of freedom."`;
    expect(speakerOf(body, 'powerful voice of freedom.')).toBe('Donald Trump');
  });

  it('says nothing when the namesake was named just before', () => {
    const body = `${early}${niece}Trump called the book "a work of fiction and lies."`;
    expect(speakerOf(body, 'a work of fiction and lies.')).toBe(null);
  });
});

describe('sentences that open with a time or a preposition', () => {
  it('reads the subject after "The next day on Twitter", and takes no platform for a given name', () => {
    const body = 'Kanye West held a rally. The next day on Twitter West accused his wife of attempting to "lock me up" over his comments.';
    expect(speakerOf(body, 'lock me up')).toBe('Kanye West');
  });

  it('reads the subject after an opening "With …," clause', () => {
    const body = 'Prime Minister Kyriakos Mitsotakis met the envoys. With the alliance in place, Mitsotakis described the pipeline as "a project of peace and stability."';
    expect(speakerOf(body, 'a project of peace and stability.')).toBe('Kyriakos Mitsotakis');
  });
});

describe('a noun read as a verb of saying', () => {
  it('lets the clause speak when the cue names nobody: "due to his comments"', () => {
    const body = 'Kanye West spoke at a rally. West accused his wife of trying to "lock me up" due to his comments at the rally.';
    expect(speakerOf(body, 'lock me up')).toBe('Kanye West');
  });
});

describe('clauses of saying with a subject of their own', () => {
  it('gives a partial quote to the "he" that opens the clause: "where he …, screaming"', () => {
    const body = 'Kanye West held his first rally in Charleston, where he tearfully discussed his first child with wife Kim Kardashian, screaming "I almost lost my daughter!"';
    expect(speakerOf(body, 'I almost lost my daughter!')).toBe('Kanye West');
  });

  it('reads a pronoun subject past "was directing … to"', () => {
    const body = 'House Speaker Nancy Pelosi spoke on Tuesday. Specifically, she was directing six committees to "proceed with their investigations under [the] umbrella" of impeachment.';
    expect(speakerOf(body, 'proceed with their investigations under [the] umbrella')).toBe('Nancy Pelosi');
  });

  it('leaves the clause unattributed when its "he" could be either man', () => {
    const body = 'Tom Hale met John Reed in Leeds. Hale and Reed spoke for an hour, and he later described the talks as "a waste of everybody\'s time."';
    // No statement at all, or one with no speaker: either way nobody is named.
    expect(speakerOf(body, "a waste of everybody's time.") ?? null).toBe(null);
  });
});

describe('bodies with long names, and the "they" that follows them', () => {
  const commission = 'This Thursday the United States Commission on International Religious Freedom (USCIRF) also criticized the move.';

  it('reads a long body name with "on" and an acronym as the subject, and "They" right after as that body', () => {
    const body = `${commission} They released a statement which said, "The monument's status as a museum must be maintained".`;
    expect(speakerOf(body, "The monument's status as a museum must be maintained")).toBe('United States Commission on International Religious Freedom');
  });

  it('does not carry "they" past a sentence about someone else', () => {
    const body = `${commission} Local residents gathered outside. They released a statement which said, "The monument belongs to all of us, whatever the law says".`;
    expect(speakerOf(body, 'The monument belongs to all of us, whatever the law says') ?? null).toBe(null);
  });

  it('keeps a short subject when a later capitalised run could pass for a name: "won the Budweiser Man of the Match award"', () => {
    const body = 'Harry Kane won the Budweiser Man of the Match award. He said, "In the first half it felt good out there."';
    expect(speakerOf(body, 'In the first half it felt good out there.')).toBe('Harry Kane');
  });
});

describe('speakers named beside a quotation in other ways', () => {
  it('opens a quotation at a mark glued to the comma of "said,"', () => {
    const body = 'Kristen Wilkins curated the show. Wilkins said," [Warhol] liked the way photo booths looked".';
    expect(speakerOf(body, '[Warhol] liked the way photo booths looked')).toBe('Kristen Wilkins');
  });

  it('leaves a closing mark after a comma closing: \'"Hello," she said\'', () => {
    const body = 'Mary Stone smiled. "We are delighted with the result," she said, "and we thank everyone."';
    expect(speakerOf(body, 'We are delighted with the result')).toBe('Mary Stone');
    expect(speakerOf(body, 'and we thank everyone.')).toBe('Mary Stone');
  });

  it('gives the words to the one "led … to express" them', () => {
    const body = 'Joe Biden spoke on the radio. Backlash from the statement led Biden to express "I should not have been so cavalier about it."';
    expect(speakerOf(body, 'I should not have been so cavalier about it.')).toBe('Joe Biden');
  });

  it('reads "Part of Trump\'s tweet included the statement" as Trump\'s words', () => {
    const body = 'Donald Trump tweeted about the riots. Part of Trump\'s tweet included the statement, "when the looting starts, the shooting starts."';
    expect(speakerOf(body, 'when the looting starts, the shooting starts.')).toBe('Donald Trump');
  });

  it('gives a colon quotation to the person a "who" clause is about', () => {
    const body = "One of the men was James Ford, 42. Another was tour manager Thomas Gray, 24, who cited only his experience with rugby: \"I did what any Londoner would do and tried to stop it.\"";
    expect(speakerOf(body, 'I did what any Londoner would do and tried to stop it.')).toBe('Thomas Gray');
  });

  it('resolves a titled surname to the fullest of one person\'s names in the corpus', () => {
    const others = [article('a', 'Turkish President Recep Tayyip Erdoğan said, "We will not step back from our plans in the region."'), article('b', 'President Tayyip Erdoğan said, "We have some plans and we are going to implement them."')];
    const body = 'On Wednesday, Turkish president Erdoğan called for regional cooperation. "No project excluding our country can be implemented", he said.';
    expect(speakerOf(body, 'No project excluding our country can be implemented', others)).toBe('Recep Tayyip Erdoğan');
  });
});
