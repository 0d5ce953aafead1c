-- Self-approval (issue 13): whoever edited a section since the doc was last approved
-- does not count as an approver of it, per workspace, on unless turned off.
-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "independentApproval" BOOLEAN NOT NULL DEFAULT true;
