CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"target_label" text,
	"details" jsonb,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"emqx_version" text NOT NULL,
	"region" text NOT NULL,
	"max_connections" integer DEFAULT 1000 NOT NULL,
	"max_tps" integer DEFAULT 1000 NOT NULL,
	"status" text NOT NULL,
	"status_settles_at" timestamp with time zone,
	"upstream_url" text,
	"upstream_api_key" text,
	"upstream_secret_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployments_type_valid" CHECK ("deployments"."type" in ('serverless','dedicated_v4','dedicated_v5','dedicated_flex','byoc')),
	CONSTRAINT "deployments_status_valid" CHECK ("deployments"."status" in ('running','stopped'))
);
--> statement-breakpoint
CREATE TABLE "platform_api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"key_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"scopes" jsonb NOT NULL,
	"project_ids" jsonb,
	"created_by_user_id" uuid,
	"created_by_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tls_certificates" (
	"deployment_id" text PRIMARY KEY NOT NULL,
	"tls_type" text NOT NULL,
	"cert_pem" text NOT NULL,
	"key_sealed" text NOT NULL,
	"ca_cert_pem" text,
	"subject" text NOT NULL,
	"subject_alt_names" jsonb NOT NULL,
	"issuer" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"fingerprint256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD CONSTRAINT "platform_api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_api_keys" ADD CONSTRAINT "platform_api_keys_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tls_certificates" ADD CONSTRAINT "tls_certificates_deployment_id_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_org_at" ON "audit_events" USING btree ("organization_id","at","id");--> statement-breakpoint
CREATE INDEX "deployments_org_project" ON "deployments" USING btree ("organization_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_api_keys_key_id" ON "platform_api_keys" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "platform_api_keys_org" ON "platform_api_keys" USING btree ("organization_id");