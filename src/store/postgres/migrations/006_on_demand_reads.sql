-- What a store reading on demand (src/store/postgres/open-lazy-postgres-store.ts) opens with, kept
-- cheap at any corpus size: the editors' corrections through a partial index, and articles newest
-- first for browsing every quote.

CREATE INDEX statements_corrected ON statements (tenant) WHERE correction IS NOT NULL;
CREATE INDEX articles_newest ON articles (tenant, published_value COLLATE "C" DESC, id COLLATE "C");
