ALTER TABLE "import_rows" DROP CONSTRAINT "import_rows_import_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_customer_fk";
--> statement-breakpoint
DROP INDEX "orders_workspace_occurred_idx";