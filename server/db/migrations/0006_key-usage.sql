CREATE TABLE "key_client_addresses" (
	"organization_id" uuid NOT NULL,
	"key_kind" text NOT NULL,
	"key_label" text NOT NULL,
	"address" text NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "key_client_addresses_key_kind_key_label_address_pk" PRIMARY KEY("key_kind","key_label","address")
);
--> statement-breakpoint
CREATE TABLE "key_usage" (
	"organization_id" uuid NOT NULL,
	"granularity" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"key_kind" text NOT NULL,
	"key_label" text NOT NULL,
	"deployment_id" text NOT NULL,
	"endpoint" text NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"requests" bigint NOT NULL,
	"keyward_ms" double precision NOT NULL,
	"upstream_ms" double precision NOT NULL,
	CONSTRAINT "key_usage_granularity_bucket_key_kind_key_label_endpoint_method_outcome_pk" PRIMARY KEY("granularity","bucket","key_kind","key_label","endpoint","method","outcome")
);
--> statement-breakpoint
ALTER TABLE "key_client_addresses" ADD CONSTRAINT "key_client_addresses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_usage" ADD CONSTRAINT "key_usage_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_usage_key" ON "key_usage" USING btree ("key_kind","key_label","granularity","bucket");--> statement-breakpoint
CREATE INDEX "key_usage_deployment" ON "key_usage" USING btree ("deployment_id","granularity","bucket");