ALTER TYPE "public"."audit_action" ADD VALUE 'import_cancelled';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'import_deleted';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'queued' BEFORE 'completed';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'checking' BEFORE 'completed';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'checked' BEFORE 'completed';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'importing' BEFORE 'completed';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'rejected';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'failed';--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "import_rows" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"customer_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"gross_minor" bigint NOT NULL,
	"refunded_minor" bigint NOT NULL,
	"order_id" text,
	"quantity" integer,
	"currency" char(3) NOT NULL,
	CONSTRAINT "import_rows_workspace_id_import_id_line_no_pk" PRIMARY KEY("workspace_id","import_id","line_no")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "file_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "bytes_read" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "report" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "message" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;