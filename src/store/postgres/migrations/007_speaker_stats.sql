-- Statements and analysed lengths per speaker ('' for statements nobody is named for), kept in step
-- by every write: what a store reading on demand opens with (suggestions, the speakers list, BM25's
-- average lengths) without scanning the statements. Filled here from what is already stored.

CREATE TABLE speaker_stats (
  tenant text NOT NULL,
  speaker_key text NOT NULL,
  statements bigint NOT NULL,
  text_length bigint NOT NULL,
  context_length bigint NOT NULL,
  PRIMARY KEY (tenant, speaker_key)
);

INSERT INTO speaker_stats (tenant, speaker_key, statements, text_length, context_length)
SELECT tenant, coalesce(speaker_id, ''), count(*), sum(text_length), sum(context_length) FROM statements GROUP BY tenant, coalesce(speaker_id, '');

-- The number of articles, set by every write: counted here once for what is already stored.
ALTER TABLE corpus_state ADD COLUMN articles bigint;
UPDATE corpus_state c SET articles = (SELECT count(*) FROM articles a WHERE a.tenant = c.tenant);
