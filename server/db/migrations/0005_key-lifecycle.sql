ALTER TABLE "deployment_api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD COLUMN "disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD COLUMN "allowed_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD COLUMN "previous_secret_hash" text;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD COLUMN "previous_secret_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD COLUMN "last_used_address" text;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD COLUMN "last_used_secret" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "max_key_lifetime_days" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "allow_never_expiring_keys" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "disabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "allowed_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "previous_secret_hash" text;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "previous_secret_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "last_used_address" text;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "last_used_secret" text;--> statement-breakpoint
CREATE INDEX "deployment_api_keys_secret_hash" ON "deployment_api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "deployment_api_keys_previous_secret_hash" ON "deployment_api_keys" USING btree ("previous_secret_hash");--> statement-breakpoint
CREATE INDEX "platform_api_keys_secret_hash" ON "platform_api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "platform_api_keys_previous_secret_hash" ON "platform_api_keys" USING btree ("previous_secret_hash");