/** Word lists the question parser shares; all lower case. */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Function words that never carry a topic and never start or end one. */
export const STOP_WORDS = words(`
  a an the this that these those it its it's he she they them their his her him we us our you your
  i me my mine is are was were be been being am do does did doing done has have had having will would
  shall should can could may might must of in on at to for from by with about as into onto upon over
  under than then so such and or nor but if whether while when where which who whom whose why how
  what there here any some all each every either neither both no not only just also very too
  re regarding concerning around towards toward ever really actually else other others
  s t
`);

/** Words of the question's frame ("what did … say about", "tell me", "quotes on"). */
export const FRAME_WORDS = words(`
  say says said saying tell told telling talk talks talked talking speak speaks spoke spoken speaking
  think thinks thought believe believes believed feel feels felt reckon reckons mention mentions
  mentioned comment comments commented commenting claimed argue argues argued stated warn warns warned
  quote quotes quoted quotation quotations statement statements remark remarks view views
  thoughts opinion opinions position stance words
  anything something everything stuff
  show find give get list search look looking want know please thanks thank compare
  latest newest recent recently lately most
  regard regards respect relation according report reports reported
  anyone anybody someone somebody
`);

/** Verbs of saying that follow a speaker ("what did X say"). */
export const SAY_VERBS = words(`
  say says said saying think thinks thought believe believes believed feel feels felt reckon reckons
  argue argues argued arguing claim claims claimed claiming tell tells told telling mention mentions
  mentioned write writes wrote written comment comments commented warn warns warned state states
  stated suggest suggests suggested propose proposes proposed describe describes described call calls
  called talk talks talked speak speaks spoke make report reports reported
`);

/** Nouns after a possessive that show a speaker ("Lansley's views on …"). */
export const SPEECH_NOUNS = words(`
  view views thought thoughts position positions stance stances comment comments remark remarks word
  words quote quotes statement statements opinion opinions take line response responses reaction
  reactions argument arguments criticism criticisms warning warnings claim claims speech speeches
  message messages verdict assessment opinion position answer answers case
`);

/** Words before "from"/"by" that make the next name a speaker ("quotes from Jane Doe"). */
export const FROM_LEAD_WORDS = words(`
  quote quotes quoted statement statements comment comments remark remarks word words view views
  anything something everything nothing all more stuff latest newest recent said made
  speech speeches
`);

/** Auxiliaries before a speaker in the "what did X say" frame. */
export const AUXILIARIES = words('did does do has have had is was will would could can might');

/** Adverbs allowed between a speaker and the verb ("has Lansley ever said"). */
export const SPEAKER_ADVERBS = words('ever actually really previously recently publicly also just');

/** Titles stripped from a speaker's name. */
export const HONORIFICS = words(`
  dr dr. mr mr. mrs mrs. ms ms. miss mx sir dame lord lady baroness baron professor prof prof.
  rt hon rev reverend cllr councillor
`);

/** Lower-case words allowed inside a name ("Department of Health", "Ursula von der Leyen"). */
export const NAME_PARTICLES = words('of for de del della di da du van von der den la le al bin ibn y');

/** Role words that may precede a surname without being a first name ("Health Secretary Hunt"). */
export const ROLE_WORDS = words(`
  secretary minister chair chairman chairwoman chief executive president director doctor health
  prime leader spokesman spokeswoman spokesperson chancellor mayor senator governor judge justice
  commissioner officer head deputy shadow mp gp nurse
`);
