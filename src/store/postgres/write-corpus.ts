import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { dateRange } from '../../answer/article-dates.js';
import type { AppliedCorrection } from '../../corrections/apply-corrections.js';
import type { Article } from '../../corpus/article.js';
import type { Synonyms } from '../../search/synonyms.js';
import type { Statement } from '../../statements/statement.js';
import type { EngineData } from '../memory-store.js';
import { withContext } from '../memory-store.js';
import { createFieldAnalyser } from './statement-terms.js';

/** The channel a change of a tenant's corpus is announced on; the payload is the tenant. */
export const CORPUS_CHANNEL = 'briefbot_corpus';

/** What a write did. */
export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
  statements: number;
}

/** How a write reports progress: articles done of the articles to write. */
export type WriteProgress = (done: number, total: number) => void;

/**
 * A fingerprint of an article as stored: its text and metadata, the extraction of its statements
 * (speakers and corrections included) and the analysis key. An unchanged fingerprint is skipped, so
 * running `index` again writes nothing, and a change in how names resolve rewrites the article.
 */
function fingerprintOf(base: string, article: Article, statements: Statement[], corrections: Map<string, AppliedCorrection> | undefined): string {
  const { path: _path, ...rest } = article;
  // Keys sorted: an article parsed afresh and one rebuilt from the cache list them in another order.
  const fields = Object.keys(rest).sort().map((k) => [k, rest[k as keyof typeof rest]]);
  const hash = createHash('sha256').update(base).update(JSON.stringify(fields));
  for (const st of statements) hash.update(JSON.stringify([st.start, st.end, st.kind, st.speakerId, st.cue, st.quotation, corrections?.get(st.id)?.label ?? null]));
  return hash.digest('hex');
}

/** Subtracts the document frequencies and speaker totals of the statements of these articles, before they are deleted. */
async function forgetTerms(client: PoolClient, tenant: string, articleIds: string[]): Promise<void> {
  if (!articleIds.length) return;
  await client.query(
    `WITH gone AS (
       SELECT coalesce(speaker_id, '') AS k, count(*) AS n, sum(text_length) AS l0, sum(context_length) AS l1 FROM statements
        WHERE tenant = $1 AND article_id = ANY($2) GROUP BY 1)
     UPDATE speaker_stats t SET statements = t.statements - gone.n, text_length = t.text_length - gone.l0, context_length = t.context_length - gone.l1
       FROM gone WHERE t.tenant = $1 AND t.speaker_key = gone.k`,
    [tenant, articleIds],
  );
  await client.query(
    `WITH gone AS (
       SELECT 0::smallint AS field, k AS term, count(*)::int AS n FROM statements s, jsonb_object_keys(s.text_terms) k
        WHERE s.tenant = $1 AND s.article_id = ANY($2) GROUP BY k
       UNION ALL
       SELECT 1::smallint, k, count(*)::int FROM statements s, jsonb_object_keys(s.context_terms) k
        WHERE s.tenant = $1 AND s.article_id = ANY($2) GROUP BY k)
     UPDATE term_stats t SET df = t.df - gone.n FROM gone WHERE t.tenant = $1 AND t.field = gone.field AND t.term = gone.term`,
    [tenant, articleIds],
  );
  await client.query('DELETE FROM articles WHERE tenant = $1 AND id = ANY($2)', [tenant, articleIds]);
}

/**
 * Writes engine data (extracted, grouped and corrected as the in-process store has it) to the
 * tenant's tables: articles whose fingerprint changed are replaced in batches (multi-row inserts
 * of arrays), removed ones deleted, speakers and groups replaced, term statistics kept in step;
 * then the change is announced with NOTIFY. Safe to run again: unchanged articles are skipped.
 */
export async function writeCorpus(
  pool: Pool,
  tenant: string,
  data: EngineData,
  options: { base: string; synonyms: Synonyms; batchSize?: number; progress?: WriteProgress },
): Promise<WriteSummary> {
  const batchSize = options.batchSize ?? 500;
  const byArticle = new Map<string, Statement[]>();
  for (const st of data.statements.values()) (byArticle.get(st.articleId) ?? byArticle.set(st.articleId, []).get(st.articleId)!).push(st);
  for (const list of byArticle.values()) list.sort((a, b) => a.start - b.start);
  const stored = new Map((await pool.query<{ id: string; hash: string }>('SELECT id, hash FROM articles WHERE tenant = $1', [tenant])).rows.map((r) => [r.id, r.hash]));
  const articles = [...data.articles.values()];
  const wanted = articles.map((a) => ({ article: a, hash: fingerprintOf(options.base, a, byArticle.get(a.id) ?? [], data.corrections) }));
  const changed = wanted.filter((w) => stored.get(w.article.id) !== w.hash);
  const current = new Set(articles.map((a) => a.id));
  const removed = [...stored.keys()].filter((id) => !current.has(id));
  const analyse = createFieldAnalyser(options.synonyms);
  let statements = 0;

  await pool.query('INSERT INTO corpus_state (tenant, version, next_seq) VALUES ($1, 0, 0) ON CONFLICT (tenant) DO NOTHING', [tenant]);
  options.progress?.(0, changed.length);
  for (let at = 0; at < changed.length || (at === 0 && removed.length); at += batchSize) {
    const batch = changed.slice(at, at + batchSize);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await forgetTerms(client, tenant, [...batch.map((w) => w.article.id), ...(at === 0 ? removed : [])]);
      const rows = batch.map(({ article, hash }) => {
        const { body, ...meta } = article;
        const range = dateRange(article.published);
        return [article.id, hash, article.title, article.outlet, article.url, article.published.value, range.from, range.to, JSON.stringify(meta), body];
      });
      if (rows.length) {
        await client.query(
          `INSERT INTO articles (tenant, id, hash, title, outlet, url, published_value, published_from, published_to, meta, body)
           SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::jsonb[], $11::text[])`,
          [tenant, ...columns(rows, 10)],
        );
      }
      const items = withContext(batch.map((w) => w.article), batch.flatMap((w) => byArticle.get(w.article.id) ?? []));
      const seqStart = Number((await client.query<{ next_seq: string }>('UPDATE corpus_state SET next_seq = next_seq + $2 WHERE tenant = $1 RETURNING next_seq - $2 AS next_seq', [tenant, items.length])).rows[0]!.next_seq);
      const stats = new Map<string, { field: number; term: string; df: number; first: number }>();
      const count = (field: number, terms: Record<string, number>, seq: number) => {
        for (const term of Object.keys(terms)) {
          const key = `${field} ${term}`;
          const have = stats.get(key);
          if (have) have.df++;
          else stats.set(key, { field, term, df: 1, first: seq });
        }
      };
      let lastContext: string | null = null;
      let lastTerms = analyse('');
      const statementRows = items.map(({ statement: st, context }, i) => {
        const text = analyse(st.text);
        if (context !== lastContext) {
          lastContext = context;
          lastTerms = analyse(context);
        }
        const seq = seqStart + i;
        count(0, text.counts, seq);
        count(1, lastTerms.counts, seq);
        const correction = data.corrections?.get(st.id);
        return [st.id, seq, st.articleId, st.start, st.end, st.kind, st.speakerId, st.cue, st.quotation?.start ?? null, st.quotation?.end ?? null, st.text, context,
          JSON.stringify(text.counts), JSON.stringify(lastTerms.counts), text.length, lastTerms.length, correction ? JSON.stringify(correction) : null];
      });
      if (statementRows.length) {
        await client.query(
          `INSERT INTO statements (tenant, id, seq, article_id, start_offset, end_offset, kind, speaker_id, cue, quote_start, quote_end, text, context,
                                   text_terms, context_terms, text_length, context_length, correction)
           SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[],
                                    $12::text[], $13::text[], $14::jsonb[], $15::jsonb[], $16::int[], $17::int[], $18::jsonb[])`,
          [tenant, ...columns(statementRows, 17)],
        );
        const terms = [...stats.values()];
        await client.query(
          `INSERT INTO term_stats (tenant, field, term, df, first_seq)
           SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::int[], $5::bigint[])
           ON CONFLICT (tenant, field, term) DO UPDATE SET df = term_stats.df + excluded.df, first_seq = least(term_stats.first_seq, excluded.first_seq)`,
          [tenant, terms.map((t) => t.field), terms.map((t) => t.term), terms.map((t) => t.df), terms.map((t) => t.first)],
        );
        // Statements and term counts per speaker: what a store reading on demand opens with, kept in step.
        const totals = new Map<string, [number, number, number]>();
        for (const row of statementRows) {
          const key = (row[6] as string | null) ?? '';
          const t = totals.get(key) ?? totals.set(key, [0, 0, 0]).get(key)!;
          t[0]++;
          t[1] += row[14] as number;
          t[2] += row[15] as number;
        }
        const keys = [...totals.keys()];
        await client.query(
          `INSERT INTO speaker_stats (tenant, speaker_key, statements, text_length, context_length)
           SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[])
           ON CONFLICT (tenant, speaker_key) DO UPDATE SET statements = speaker_stats.statements + excluded.statements,
             text_length = speaker_stats.text_length + excluded.text_length, context_length = speaker_stats.context_length + excluded.context_length`,
          [tenant, keys, keys.map((k) => totals.get(k)![0]), keys.map((k) => totals.get(k)![1]), keys.map((k) => totals.get(k)![2])],
        );
      }
      await client.query('COMMIT');
      statements += statementRows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    options.progress?.(Math.min(at + batchSize, changed.length), changed.length);
  }
  await replaceSpeakersAndGroups(pool, tenant, data, changed.length > 0 || removed.length > 0);
  return { written: changed.length, unchanged: articles.length - changed.length, removed: removed.length, statements };
}

/** Column arrays of rows, for `unnest`. */
function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c]));
}

/** Replaces the tenant's speakers, aliases and groups, drops spent term rows, bumps the version and notifies. */
async function replaceSpeakersAndGroups(pool: Pool, tenant: string, data: EngineData, changed: boolean): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const speakers = [...data.speakers.values()];
    await client.query('DELETE FROM speakers WHERE tenant = $1', [tenant]);
    await client.query('INSERT INTO speakers (tenant, id, name, kind, roles) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[])', [
      tenant,
      speakers.map((s) => s.id),
      speakers.map((s) => s.name),
      speakers.map((s) => s.kind),
      speakers.map((s) => JSON.stringify(s.roles)),
    ]);
    const aliases = speakers.flatMap((s) => s.aliases.map((alias, position) => [s.id, alias, position] as const));
    await client.query('INSERT INTO speaker_aliases (tenant, speaker_id, alias, position) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[])', [
      tenant,
      aliases.map((a) => a[0]),
      aliases.map((a) => a[1]),
      aliases.map((a) => a[2]),
    ]);
    const seen = new Set<object>();
    const members: Array<[string, number, boolean]> = [];
    for (const group of data.groups.values()) {
      if (group.members.length < 2 || seen.has(group)) continue;
      seen.add(group);
      const no = seen.size;
      for (const m of group.members) members.push([m.id, no, m === group.lead]);
    }
    await client.query('DELETE FROM remark_groups WHERE tenant = $1', [tenant]);
    await client.query('INSERT INTO remark_groups (tenant, statement_id, group_no, is_lead) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::boolean[])', [
      tenant,
      members.map((m) => m[0]),
      members.map((m) => m[1]),
      members.map((m) => m[2]),
    ]);
    await client.query('DELETE FROM term_stats WHERE tenant = $1 AND df <= 0', [tenant]);
    await client.query('DELETE FROM speaker_stats WHERE tenant = $1 AND statements <= 0', [tenant]);
    await client.query('UPDATE corpus_state SET version = version + 1, articles = $2, updated_at = now() WHERE tenant = $1', [tenant, data.articles.size]);
    if (changed) await client.query('SELECT pg_notify($1, $2)', [CORPUS_CHANNEL, tenant]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
