-- Schema 6: the meeting as a record. Notes and a status on each agenda
-- item, a discussion summary per meeting, and the meetings that reviewed
-- each action (carrying an action on no longer takes it off the minutes of
-- the meeting that reviewed it).
ALTER TABLE `meetings` ADD COLUMN `summary` text;
ALTER TABLE `agenda_items` ADD COLUMN `status` text NOT NULL DEFAULT 'open';
ALTER TABLE `agenda_items` ADD COLUMN `notes` text;
CREATE TABLE `action_reviews` (`action_item_id` integer,`meeting_id` integer,PRIMARY KEY (`action_item_id`,`meeting_id`),CONSTRAINT `fk_action_reviews_action_item` FOREIGN KEY (`action_item_id`) REFERENCES `action_items`(`id`) ON DELETE CASCADE,CONSTRAINT `fk_action_reviews_meeting` FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON DELETE CASCADE);
CREATE INDEX `idx_action_reviews_meeting_id` ON `action_reviews`(`meeting_id`);
-- Actions already carried over were reviewed where they were carried to.
INSERT INTO `action_reviews` (`action_item_id`, `meeting_id`)
	SELECT a.id, a.carried_to_meeting_id FROM `action_items` a JOIN `meetings` m ON m.id = a.carried_to_meeting_id;
