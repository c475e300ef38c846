CREATE TABLE "rate_limit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"limiter" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_events_key_at" ON "rate_limit_events" USING btree ("limiter","key","at");--> statement-breakpoint
CREATE INDEX "rate_limit_events_at" ON "rate_limit_events" USING btree ("at");