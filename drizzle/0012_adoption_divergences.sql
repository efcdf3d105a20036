CREATE TABLE "adoption_protocols" (
	"adoption_id" uuid PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adoption_protocols_media_type" CHECK ("adoption_protocols"."media_type" in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
	CONSTRAINT "adoption_protocols_size" CHECK ("adoption_protocols"."size" > 0 and "adoption_protocols"."size" <= 10485760 and "adoption_protocols"."size" = octet_length("adoption_protocols"."content")),
	CONSTRAINT "adoption_protocols_sha256" CHECK ("adoption_protocols"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "adoption_protocols_filename" CHECK (length("adoption_protocols"."filename") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "agreement_divergences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"treatment_id" uuid,
	"adoption_id" uuid,
	"changed_text" text NOT NULL,
	"resolution" text,
	"special_part_version_id" uuid,
	"general_part_version_id" uuid,
	"resolution_note" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_divergences_source" CHECK (("agreement_divergences"."treatment_id" is null) <> ("agreement_divergences"."adoption_id" is null)),
	CONSTRAINT "agreement_divergences_resolution" CHECK ("agreement_divergences"."resolution" is null or "agreement_divergences"."resolution" in ('accepted', 'renegotiate')),
	CONSTRAINT "agreement_divergences_resolved" CHECK (("agreement_divergences"."resolution" is null) = ("agreement_divergences"."resolved_at" is null) and ("agreement_divergences"."resolution" <> 'accepted' or "agreement_divergences"."special_part_version_id" is not null or "agreement_divergences"."general_part_version_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "municipal_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"body_meeting_id" uuid,
	"decided_on" date NOT NULL,
	"case_reference" text,
	"record_url" text,
	"outcome" text NOT NULL,
	"changed_text" text,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipal_adoptions_outcome" CHECK ("municipal_adoptions"."outcome" in ('adopted', 'adopted_with_changes', 'rejected', 'postponed')),
	CONSTRAINT "municipal_adoptions_changed" CHECK (("municipal_adoptions"."outcome" = 'adopted_with_changes') = ("municipal_adoptions"."changed_text" is not null))
);
--> statement-breakpoint
ALTER TABLE "adoption_protocols" ADD CONSTRAINT "adoption_protocols_adoption_id_municipal_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."municipal_adoptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_divergences" ADD CONSTRAINT "agreement_divergences_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_divergences" ADD CONSTRAINT "agreement_divergences_treatment_id_case_treatments_id_fk" FOREIGN KEY ("treatment_id") REFERENCES "public"."case_treatments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_divergences" ADD CONSTRAINT "agreement_divergences_adoption_id_municipal_adoptions_id_fk" FOREIGN KEY ("adoption_id") REFERENCES "public"."municipal_adoptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_divergences" ADD CONSTRAINT "agreement_divergences_special_part_version_id_special_part_versions_id_fk" FOREIGN KEY ("special_part_version_id") REFERENCES "public"."special_part_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_divergences" ADD CONSTRAINT "agreement_divergences_general_part_version_id_document_versions_id_fk" FOREIGN KEY ("general_part_version_id") REFERENCES "public"."document_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_divergences" ADD CONSTRAINT "agreement_divergences_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_adoptions" ADD CONSTRAINT "municipal_adoptions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_adoptions" ADD CONSTRAINT "municipal_adoptions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_adoptions" ADD CONSTRAINT "municipal_adoptions_body_meeting_id_body_meetings_id_fk" FOREIGN KEY ("body_meeting_id") REFERENCES "public"."body_meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_adoptions" ADD CONSTRAINT "municipal_adoptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_divergences_agreement" ON "agreement_divergences" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "municipal_adoptions_unique" ON "municipal_adoptions" USING btree ("agreement_id","municipality_id");