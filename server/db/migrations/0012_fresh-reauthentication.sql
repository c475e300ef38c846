ALTER TABLE "passkeys" ADD COLUMN "created_address" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "reauthenticated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sso_attempts" ADD COLUMN "reauth_session_id" uuid;--> statement-breakpoint
ALTER TABLE "totp_authenticators" ADD COLUMN "confirmed_address" text;