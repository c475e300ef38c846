CREATE TABLE "key_reviews" (
	"organization_id" uuid NOT NULL,
	"key_kind" text NOT NULL,
	"key_id" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"reviewed_by" text NOT NULL,
	CONSTRAINT "key_reviews_key_kind_key_id_pk" PRIMARY KEY("key_kind","key_id")
);
--> statement-breakpoint
ALTER TABLE "key_reviews" ADD CONSTRAINT "key_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;