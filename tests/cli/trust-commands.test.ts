import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');
const SENATES_ID = '2011-06-20-nhs-alliance-clinically-led-commissioning#1331';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'briefbot', ...args, '--corpus', CORPUS], { out: (s) => out.push(s), err: (s) => err.push(s), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('briefbot ask --cite', () => {
  it('prints the senates citation first, ready to paste', async () => {
    const { code, out } = await run(['ask', 'what did Dixon say about senates?', '--cite']);
    expect(code).toBe(0);
    expect(out.split('\n\n')[0]).toBe(
      '“Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them,” said Michael Dixon, NHS Alliance chair (NHS Alliance press release, “Clinically-Led Commissioning Must Not Be Set Up To Fail”, 20 June 2011, http://primarycarereports.co.uk/clinicallyled_commissioning_must_not_be_set_up_to_fail.html).',
    );
  });

  it('prints the answer itself when there is nothing to cite', async () => {
    const { out } = await run(['ask', 'what was said about zebras?', '--cite']);
    expect(out).toMatch(/^No quotes about "zebras"/);
  });
});

describe('briefbot context ID', () => {
  it('prints the quote between »« in its paragraphs, with the article\'s details', async () => {
    const { code, out } = await run(['context', SENATES_ID]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Clinically-Led Commissioning Must Not Be Set Up To Fail\nNHS Alliance \(press release\) · 20 June 2011\nhttp:\/\/primarycarereports/);
    expect(out).toContain('Quote — Michael Dixon, NHS Alliance chair');
    expect(out).toContain('»Senates should be only advisory not authorising and we must ensure that the full voice of primary care commissioners is represented within them.«');
    expect(out).not.toContain('In context:');
  });

  it('adds the signed link when the public URL and secret are set', async () => {
    const { out } = await run(['context', SENATES_ID], { BRIEFBOT_PUBLIC_URL: 'https://bb.example', BRIEFBOT_LINK_SECRET: 'cli-test-secret-0123456789' });
    expect(out).toMatch(/\nIn context: https:\/\/bb\.example\/quotes\/2011-06-20-nhs-alliance-clinically-led-commissioning%231331\?exp=\d+&sig=[\w-]+$/);
  });

  it('says so, with exit code 1, for an id not in the corpus', async () => {
    const { code, err } = await run(['context', 'nope#1']);
    expect(code).toBe(1);
    expect(err).toContain('no statement "nope#1" in the corpus');
  });
});
