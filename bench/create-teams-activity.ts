/** How many people the load test pretends are chatting with the bot, each in their own 1:1 chat. */
const USERS = 50;
/** Teams message ids are millisecond timestamps; counting up from one keeps them unique and realistic. */
const FIRST_ID = 1_700_000_000_000;

/** A Teams personal message as the Bot Connector posts it to `/api/messages`. */
export interface BenchTeamsActivity {
  type: 'message';
  id: string;
  timestamp: string;
  localTimestamp: string;
  serviceUrl: string;
  channelId: 'msteams';
  from: { id: string; name: string; aadObjectId: string };
  conversation: { conversationType: 'personal'; id: string };
  recipient: { id: string; name: string };
  textFormat: 'plain';
  text: string;
  attachments: Array<{ contentType: 'text/html'; content: string }>;
  entities: Array<Record<string, string>>;
  channelData: { tenant: { id: string } };
  locale: string;
}

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/**
 * The `n`th activity of the load test: a 1:1 message asking `text`, shaped like the captured
 * tests/fixtures/teams/personal-message.json, with an id of its own and the stand-in Bot Connector
 * at `serviceUrl`, where the bot posts its reply.
 */
export function createTeamsActivity(text: string, n: number, serviceUrl: string, now: Date): BenchTeamsActivity {
  const user = n % USERS;
  const userGuid = `7faf8ab2-3d56-4244-b585-${String(user).padStart(12, '0')}`;
  return {
    type: 'message',
    id: String(FIRST_ID + n),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString().replace('Z', '+00:00'),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:1bench-user-${user}`, name: `Bench User ${user}`, aadObjectId: userGuid },
    conversation: { conversationType: 'personal', id: `a:1bench-conversation-${user}` },
    recipient: { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Briefbot' },
    textFormat: 'plain',
    text,
    // Teams sends the rich-text twin of every typed message; the bot reads `text`.
    attachments: [{ contentType: 'text/html', content: `<p>${escapeHtml(text)}</p>` }],
    entities: [{ locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London', type: 'clientInfo' }],
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
