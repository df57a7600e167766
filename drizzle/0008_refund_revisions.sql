CREATE TABLE "refund_revisions" (
	"workspace_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "refund_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" bigint NOT NULL,
	"import_id" uuid NOT NULL,
	"previous_amount_minor" bigint NOT NULL,
	"previous_original_amount_minor" bigint NOT NULL,
	"previous_currency" char(3) NOT NULL,
	CONSTRAINT "refund_revisions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "refund_revisions" ADD CONSTRAINT "refund_revisions_order_fk" FOREIGN KEY ("workspace_id","order_id") REFERENCES "public"."orders"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_revisions" ADD CONSTRAINT "refund_revisions_import_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "refund_revisions_workspace_order_idx" ON "refund_revisions" USING btree ("workspace_id","order_id","id");--> statement-breakpoint
CREATE INDEX "refund_revisions_workspace_import_idx" ON "refund_revisions" USING btree ("workspace_id","import_id");