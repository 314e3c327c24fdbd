-- State that several `briefbot serve` replicas share.

-- Slack event ids already handled (team:event_id), so a redelivery to any replica is answered once.
CREATE TABLE slack_events (
  tenant text NOT NULL,
  event_key text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, event_key)
);
CREATE INDEX slack_events_expires ON slack_events (expires_at);

-- Slack workspaces installed through OAuth (Bolt's installationStore), one row a team or enterprise.
CREATE TABLE slack_installations (
  tenant text NOT NULL,
  install_key text NOT NULL,
  installation jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, install_key)
);
