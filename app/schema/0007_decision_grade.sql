-- Schema 7: what the executive report needs. Decisions escalated to the
-- executives with their options, recommendation, needed-by date and what
-- is at stake; the chair's commentary per meeting; the money of each
-- initiative; the organisation's currency; and the risk register.
ALTER TABLE `decisions` ADD COLUMN `escalated` numeric NOT NULL DEFAULT false;
ALTER TABLE `decisions` ADD COLUMN `options` text;
ALTER TABLE `decisions` ADD COLUMN `recommendation` text;
ALTER TABLE `decisions` ADD COLUMN `needed_by` text;
ALTER TABLE `decisions` ADD COLUMN `at_stake` text;
ALTER TABLE `meetings` ADD COLUMN `commentary` text;
ALTER TABLE `initiatives` ADD COLUMN `budget` real NOT NULL DEFAULT 0;
ALTER TABLE `initiatives` ADD COLUMN `spend_to_date` real NOT NULL DEFAULT 0;
ALTER TABLE `initiatives` ADD COLUMN `realised_benefit` real NOT NULL DEFAULT 0;
ALTER TABLE `programs` ADD COLUMN `currency` text NOT NULL DEFAULT '';
CREATE TABLE `risks` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime,`updated_at` datetime,`version` integer NOT NULL,`title` text NOT NULL,`description` text,`initiative_id` integer,`journey_id` integer,`owner_id` integer,`likelihood` integer NOT NULL,`impact` integer NOT NULL,`mitigation` text,`status` text NOT NULL,`review_date` text,CONSTRAINT `fk_risks_initiative` FOREIGN KEY (`initiative_id`) REFERENCES `initiatives`(`id`) ON DELETE SET NULL,CONSTRAINT `fk_risks_journey` FOREIGN KEY (`journey_id`) REFERENCES `journeys`(`id`) ON DELETE SET NULL,CONSTRAINT `fk_risks_owner` FOREIGN KEY (`owner_id`) REFERENCES `members`(`id`) ON DELETE SET NULL);
CREATE INDEX `idx_risks_status` ON `risks`(`status`);
