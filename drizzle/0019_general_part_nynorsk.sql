CREATE TABLE "general_part_nynorsk_sections" (
	"section_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "general_part_nynorsk_sections" ADD CONSTRAINT "general_part_nynorsk_sections_section_id_document_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."document_sections"("id") ON DELETE cascade ON UPDATE no action;