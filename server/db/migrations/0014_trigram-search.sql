-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it; PGlite loads it (server/db/store.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "deployment_api_keys_app_id_search" ON "deployment_api_keys" USING gin (lower("app_id") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "deployment_api_keys_note_search" ON "deployment_api_keys" USING gin (lower("note") gin_trgm_ops);