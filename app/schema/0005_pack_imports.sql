-- Schema 5: update packs already applied, so a second import changes nothing.
CREATE TABLE `pack_imports` (`pack_id` text PRIMARY KEY,`department` text NOT NULL,`file` text,`applied_at` datetime NOT NULL,`by` text);
