-- A channel's own settings (issue 15): the time zone its daily digests are read in, set with
-- `timezone Europe/London`; a channel without a row uses BRIEFBOT_TZ. Keyed by tenant like the rest.

CREATE TABLE watch_channel_settings (
  tenant text NOT NULL,
  platform text NOT NULL CHECK (platform IN ('slack', 'teams')),
  channel text NOT NULL,
  time_zone text NOT NULL,
  PRIMARY KEY (tenant, platform, channel)
);
