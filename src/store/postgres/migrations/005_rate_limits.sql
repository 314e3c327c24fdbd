-- Per-user rate limits shared by replicas (issue 12): one token bucket a user, so a user's questions
-- count the same whichever replica the load balancer sends them to. `at_ms` is the time of the last
-- refill (milliseconds since the epoch); `refusals` counts refusals since the last question allowed.

CREATE TABLE rate_buckets (
  tenant text NOT NULL,
  bucket_key text NOT NULL,
  tokens double precision NOT NULL,
  at_ms bigint NOT NULL,
  refusals int NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant, bucket_key)
);
CREATE INDEX rate_buckets_at ON rate_buckets (tenant, at_ms);
