CREATE TABLE "kept_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"language" text NOT NULL,
	"fingerprint" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kept_documents_one" UNIQUE("subject_id","kind","format","language"),
	CONSTRAINT "kept_documents_format" CHECK ("kept_documents"."format" in ('docx', 'pdf')),
	CONSTRAINT "kept_documents_size" CHECK ("kept_documents"."size" > 0 and "kept_documents"."size" = octet_length("kept_documents"."content")),
	CONSTRAINT "kept_documents_sha256" CHECK ("kept_documents"."sha256" ~ '^[0-9a-f]{64}$' and "kept_documents"."fingerprint" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "kept_documents_filename" CHECK (length("kept_documents"."filename") between 1 and 255)
);
