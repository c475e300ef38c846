ALTER TABLE "deployment_api_keys" ADD COLUMN "labels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD COLUMN "labels" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "deployment_api_keys_labels" ON "deployment_api_keys" USING gin ("labels");