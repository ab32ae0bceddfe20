-- Schema 3: the history of every change, added to, never edited.
CREATE TABLE `history` (`id` integer PRIMARY KEY AUTOINCREMENT,`at` datetime NOT NULL,`author_id` integer,`author` text,`kind` text NOT NULL,`record_id` integer NOT NULL,`record_name` text,`field` text,`old` text,`new` text,`why` text NOT NULL);
CREATE INDEX `idx_history_at` ON `history`(`at`);
CREATE INDEX `idx_history_record` ON `history`(`kind`,`record_id`);
