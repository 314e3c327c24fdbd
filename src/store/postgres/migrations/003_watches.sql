-- Watches (issue 15): what channels watch for, the Teams conversation references to post with,
-- each remark's delivery, the daily digests sent, channels the bot cannot post to, and the
-- articles already scanned. Every key starts with the tenant, like the corpus tables. Times are the
-- ISO strings the app writes (UTC, compared as text), so a value reads back exactly as written.

CREATE TABLE watches (
  tenant text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  channel text NOT NULL,
  label text NOT NULL,
  question text NOT NULL,
  interpretation jsonb NOT NULL,
  daily jsonb,
  created_by text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX watches_channel ON watches (tenant, platform, channel);

CREATE TABLE watch_references (
  tenant text NOT NULL,
  platform text NOT NULL,
  channel text NOT NULL,
  reference jsonb NOT NULL,
  PRIMARY KEY (tenant, platform, channel)
);

CREATE TABLE watch_deliveries (
  tenant text NOT NULL,
  watch_id bigint NOT NULL,
  remark text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts int NOT NULL DEFAULT 0,
  created_at text NOT NULL,
  last_error text,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (tenant, watch_id, remark),
  FOREIGN KEY (tenant, watch_id) REFERENCES watches (tenant, id) ON DELETE CASCADE
);
CREATE INDEX watch_deliveries_pending ON watch_deliveries (tenant, seq) WHERE status = 'pending';

-- Every statement of a remark recorded for a watch (its outlets), so a later outlet posts nothing.
CREATE TABLE watch_statements (
  tenant text NOT NULL,
  watch_id bigint NOT NULL,
  statement_id text NOT NULL,
  remark text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (tenant, watch_id, statement_id),
  FOREIGN KEY (tenant, watch_id) REFERENCES watches (tenant, id) ON DELETE CASCADE
);
CREATE INDEX watch_statements_remark ON watch_statements (tenant, watch_id, remark);

CREATE TABLE watch_digests (
  tenant text NOT NULL,
  watch_id bigint NOT NULL,
  slot text NOT NULL,
  status text NOT NULL CHECK (status IN ('posted', 'empty', 'failed')),
  matches int NOT NULL,
  PRIMARY KEY (tenant, watch_id, slot),
  FOREIGN KEY (tenant, watch_id) REFERENCES watches (tenant, id) ON DELETE CASCADE
);

CREATE TABLE watch_target_problems (
  tenant text NOT NULL,
  platform text NOT NULL,
  channel text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  at text NOT NULL,
  PRIMARY KEY (tenant, platform, channel)
);

-- A tenant's row here means its first scan happened (its articles then were noted, not posted).
CREATE TABLE watch_scans (
  tenant text PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE watch_scanned_articles (
  tenant text NOT NULL,
  article_id text NOT NULL,
  PRIMARY KEY (tenant, article_id)
);
