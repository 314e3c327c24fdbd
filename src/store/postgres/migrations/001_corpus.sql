-- The corpus: articles, their statements, speakers and aliases, groups of the same remark, and the
-- term statistics ranking reads its idf from. Every table has a tenant column and every key starts
-- with it, so one database holds several corpora (and can be distributed by tenant later).

CREATE TABLE articles (
  tenant text NOT NULL,
  id text NOT NULL,
  hash text NOT NULL,
  title text NOT NULL,
  outlet text NOT NULL,
  url text NOT NULL,
  published_value text NOT NULL,
  published_from date NOT NULL,
  published_to date NOT NULL,
  meta jsonb NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX articles_published ON articles (tenant, published_from, published_to);
CREATE INDEX articles_outlet ON articles (tenant, outlet);

CREATE TABLE speakers (
  tenant text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'organisation')),
  roles jsonb NOT NULL,
  names tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX speakers_names ON speakers USING gin (names);

CREATE TABLE speaker_aliases (
  tenant text NOT NULL,
  speaker_id text NOT NULL,
  alias text NOT NULL,
  position int NOT NULL,
  PRIMARY KEY (tenant, speaker_id, position),
  FOREIGN KEY (tenant, speaker_id) REFERENCES speakers (tenant, id) ON DELETE CASCADE
);
CREATE INDEX speaker_aliases_alias ON speaker_aliases USING gin (to_tsvector('simple', alias));

CREATE TABLE statements (
  tenant text NOT NULL,
  id text NOT NULL,
  -- Corpus order, as the in-process index numbers its documents: ties keep this order.
  seq bigint NOT NULL,
  article_id text NOT NULL,
  start_offset int NOT NULL,
  end_offset int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('direct', 'indirect')),
  speaker_id text,
  cue text,
  quote_start int,
  quote_end int,
  text text NOT NULL,
  context text NOT NULL,
  -- The analysed terms (stemmed, synonyms folded, as src/search analyses them) with their counts.
  text_terms jsonb NOT NULL,
  context_terms jsonb NOT NULL,
  text_length int NOT NULL,
  context_length int NOT NULL,
  correction jsonb,
  text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  context_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', context)) STORED,
  PRIMARY KEY (tenant, id),
  FOREIGN KEY (tenant, article_id) REFERENCES articles (tenant, id) ON DELETE CASCADE
);
CREATE INDEX statements_article ON statements (tenant, article_id);
CREATE INDEX statements_speaker ON statements (tenant, speaker_id, seq);
CREATE INDEX statements_seq ON statements (tenant, seq);
CREATE INDEX statements_text_terms ON statements USING gin (text_terms);
CREATE INDEX statements_context_terms ON statements USING gin (context_terms);
CREATE INDEX statements_text_tsv ON statements USING gin (text_tsv);
CREATE INDEX statements_context_tsv ON statements USING gin (context_tsv);

-- Groups of more than one statement that are one remark; a statement in none is a group of one.
CREATE TABLE remark_groups (
  tenant text NOT NULL,
  statement_id text NOT NULL,
  group_no int NOT NULL,
  is_lead boolean NOT NULL,
  PRIMARY KEY (tenant, statement_id)
);
CREATE INDEX remark_groups_group ON remark_groups (tenant, group_no);

-- Document frequency of each analysed term in each field (0: the statement, 1: its context).
CREATE TABLE term_stats (
  tenant text NOT NULL,
  field smallint NOT NULL,
  term text NOT NULL,
  df int NOT NULL,
  first_seq bigint NOT NULL,
  PRIMARY KEY (tenant, field, term)
);

-- One row a tenant: the counts BM25 needs besides document frequencies, and a version that every
-- change bumps (processes compare it after a notification).
CREATE TABLE corpus_state (
  tenant text PRIMARY KEY,
  version bigint NOT NULL,
  next_seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
