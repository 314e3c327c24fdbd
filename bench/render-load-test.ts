import type { ReplyTally } from './connector-stand-in.js';

/** What autocannon measured for one kind of request. */
export interface LoadFigures {
  /** Requests written to the socket (a few may be in flight when the time is up). */
  sent: number;
  /** Requests that got a response, whatever its status. */
  answered: number;
  /** Mean of the per-second counts of answered requests. */
  throughput: number;
  p50: number;
  p99: number;
  /** Connection errors (refused, reset), timeouts and responses other than 2xx. */
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** Everything the "## Load test" section of bench/RESULTS.md reports. */
export interface LoadTestReport {
  size: number;
  machine: string;
  connections: number;
  durationS: number;
  questions: number;
  readyMs: number;
  /** How the server got its index, from its `corpus_indexed` log line: `cache`, `updated` or `built`. */
  indexSource: string | undefined;
  /** The 1-minute load average as each run started: other work on the machine competes with the server. */
  loadAverage: { slack: number; teams: number };
  slack: LoadFigures;
  teams: LoadFigures;
  replies: ReplyTally;
  /** Lines of level error or fatal the server logged during both runs. */
  serverErrors: number;
}

/** Issue 6's target for slash commands: at least 300 a second, p99 at most 150 ms, no errors. */
export const SLASH_TARGET = { throughput: 300, p99: 150 } as const;

/** Tells whether slash commands met issue 6's target. */
export function meetsSlashTarget(figures: LoadFigures): boolean {
  return figures.throughput >= SLASH_TARGET.throughput && figures.p99 <= SLASH_TARGET.p99 && totalErrors(figures) === 0;
}

function totalErrors(f: LoadFigures): number {
  return f.errors + f.timeouts + f.non2xx;
}

const n = (v: number) => v.toLocaleString('en-GB');

const INDEX_SOURCES: Record<string, string> = {
  cache: 'persisted index loaded',
  updated: 'persisted index updated',
  built: 'index built: no persisted index for this code',
};

/** The "## Load test" section: Slack slash commands and Teams activities side by side, and how they were made. */
export function renderLoadTest(r: LoadTestReport): string {
  const { slack, teams, replies } = r;
  const row = (label: string, a: string, b: string) => `| ${label} | ${a} | ${b} |`;
  const errors = (f: LoadFigures) => `**${n(totalErrors(f))}** (${n(f.errors)} / ${n(f.timeouts)} / ${n(f.non2xx)})`;
  const met = meetsSlashTarget(slack) ? 'met' : '**not met**';
  return [
    '',
    `## Load test: \`briefbot serve\`, signed Slack slash commands and Teams activities, ${n(r.size)} articles`,
    '',
    `Machine: ${r.machine}. autocannon, the server and the stand-in Bot Connector share the machine's cores. One server process; each load runs for ${r.durationS} s with ${r.connections} connections on loopback (slash commands first, then Teams activities), the ${r.questions} benchmark questions in turn; the server logs at info level.`,
    '',
    row('figure', 'Slack slash commands', 'Teams activities'),
    '|---|---:|---:|',
    row('ready after start', `${(r.readyMs / 1000).toFixed(1)} s (${INDEX_SOURCES[r.indexSource ?? ''] ?? 'index source not logged'})`, '(same process)'),
    row('requests sent / answered', `${n(slack.sent)} / ${n(slack.answered)}`, `${n(teams.sent)} / ${n(teams.answered)}`),
    row('**throughput**', `**${slack.throughput.toFixed(0)} /s**`, `**${teams.throughput.toFixed(0)} /s**`),
    row('latency p50 / p99', `${slack.p50} / ${slack.p99} ms`, `${teams.p50} / ${teams.p99} ms`),
    row('**errors** (failed / timed out / non-2xx)', errors(slack), errors(teams)),
    row('replies at the stand-in Connector: Adaptive Cards / received', '–', `${n(replies.cards)} / ${n(replies.received)}`),
    row('replies without a card / to a bad path / duplicated', '–', `${n(replies.notCards)} / ${n(replies.badPaths)} / ${n(replies.duplicates)}`),
    '',
    `Target (issue 6) for slash commands, ≥ ${SLASH_TARGET.throughput} /s with p99 ≤ ${SLASH_TARGET.p99} ms and no errors: ${met}. Error-level lines in the server's log during the runs: ${n(r.serverErrors)}. 1-minute load average as each run started: ${r.loadAverage.slack.toFixed(1)} (Slack), ${r.loadAverage.teams.toFixed(1)} (Teams), with the server's own work in it.`,
    ...(replies.examples.length > 0 ? ['', 'What was wrong with replies (first few):', '', ...replies.examples.map((e) => `- ${e}`)] : []),
    '',
    '**Slack**: each slash command is signed with the signing secret and checked by Bolt; the answer rides in the acknowledgement, the HTTP response (only an answer later than the ack deadline would go to `response_url`, here a closed port, and log an error).',
    '',
    "**Teams**: personal (1:1) message activities shaped like the captured `tests/fixtures/teams/personal-message.json`, each with its own id. They run **unauthenticated** (no `TEAMS_APP_ID`, `TEAMS_ALLOW_UNAUTHENTICATED=true`, server on 127.0.0.1): real Bot Framework tokens cannot be minted offline, so the JWT check a real deployment does on each request is not in these figures. The bot answers by posting its card to the activity's `serviceUrl`, here a stand-in Bot Connector on loopback in the bench process (answers 200 at once); CloudAdapter sends its 200 for the activity only after that post returns, so Teams latency includes the reply. A reply counts when it is a message replying to the activity's id with an Adaptive Card attachment. The bench waits for the replies to the activities still in flight when the time runs out, so replies received should equal requests sent.",
    '',
  ].join('\n');
}
