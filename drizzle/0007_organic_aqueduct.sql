ALTER TABLE "orders" DROP CONSTRAINT "orders_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_import_fk";
