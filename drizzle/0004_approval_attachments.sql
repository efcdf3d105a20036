CREATE TABLE "approval_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_attachments_media_type" CHECK ("approval_attachments"."media_type" in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
	CONSTRAINT "approval_attachments_size" CHECK ("approval_attachments"."size" > 0 and "approval_attachments"."size" <= 10485760 and "approval_attachments"."size" = octet_length("approval_attachments"."content")),
	CONSTRAINT "approval_attachments_sha256" CHECK ("approval_attachments"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "approval_attachments_filename" CHECK (length("approval_attachments"."filename") between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "approval_attachments" ADD CONSTRAINT "approval_attachments_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_attachments" ADD CONSTRAINT "approval_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_attachments_version" ON "approval_attachments" USING btree ("version_id","uploaded_at");