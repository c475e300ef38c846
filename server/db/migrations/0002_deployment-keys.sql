CREATE TABLE "deployment_api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"deployment_id" text NOT NULL,
	"app_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"full_access" boolean NOT NULL,
	"legacy" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_by_label" text,
	"created_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment_key_permissions" (
	"key_id" uuid NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	CONSTRAINT "deployment_key_permissions_key_id_method_path_pk" PRIMARY KEY("key_id","method","path")
);
--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD CONSTRAINT "deployment_api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD CONSTRAINT "deployment_api_keys_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_api_keys" ADD CONSTRAINT "deployment_api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_key_permissions" ADD CONSTRAINT "deployment_key_permissions_key_id_deployment_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."deployment_api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deployment_api_keys_app_id" ON "deployment_api_keys" USING btree ("app_id");--> statement-breakpoint
CREATE INDEX "deployment_api_keys_deployment" ON "deployment_api_keys" USING btree ("deployment_id");