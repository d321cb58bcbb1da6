CREATE TABLE `leaderboard_counts` (
	`total_xp` integer NOT NULL,
	`quests_completed` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`total_xp`, `quests_completed`)
);
--> statement-breakpoint
CREATE TABLE `leaderboard_day_counts` (
	`total_xp` integer NOT NULL,
	`quests_completed` integer NOT NULL,
	`reached_day` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`total_xp`, `quests_completed`, `reached_day`)
);
--> statement-breakpoint
INSERT INTO `leaderboard_counts` (`total_xp`, `quests_completed`, `n`)
  SELECT `total_xp`, `quests_completed`, count(*) FROM `users` GROUP BY `total_xp`, `quests_completed`;
--> statement-breakpoint
INSERT INTO `leaderboard_day_counts` (`total_xp`, `quests_completed`, `reached_day`, `n`)
  SELECT `total_xp`, `quests_completed`, substr(`xp_reached_at`, 1, 10), count(*) FROM `users`
  GROUP BY `total_xp`, `quests_completed`, substr(`xp_reached_at`, 1, 10);
--> statement-breakpoint
CREATE TRIGGER `users_leaderboard_counts_insert` AFTER INSERT ON `users` BEGIN
  INSERT INTO `leaderboard_counts` (`total_xp`, `quests_completed`, `n`) VALUES (NEW.`total_xp`, NEW.`quests_completed`, 1)
    ON CONFLICT (`total_xp`, `quests_completed`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `leaderboard_day_counts` (`total_xp`, `quests_completed`, `reached_day`, `n`)
    VALUES (NEW.`total_xp`, NEW.`quests_completed`, substr(NEW.`xp_reached_at`, 1, 10), 1)
    ON CONFLICT (`total_xp`, `quests_completed`, `reached_day`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_leaderboard_counts_delete` AFTER DELETE ON `users` BEGIN
  UPDATE `leaderboard_counts` SET `n` = `n` - 1 WHERE `total_xp` = OLD.`total_xp` AND `quests_completed` = OLD.`quests_completed`;
  UPDATE `leaderboard_day_counts` SET `n` = `n` - 1
    WHERE `total_xp` = OLD.`total_xp` AND `quests_completed` = OLD.`quests_completed` AND `reached_day` = substr(OLD.`xp_reached_at`, 1, 10);
END;
--> statement-breakpoint
CREATE TRIGGER `users_leaderboard_counts_update` AFTER UPDATE OF `total_xp`, `quests_completed`, `xp_reached_at` ON `users`
  WHEN OLD.`total_xp` IS NOT NEW.`total_xp` OR OLD.`quests_completed` IS NOT NEW.`quests_completed`
    OR substr(OLD.`xp_reached_at`, 1, 10) IS NOT substr(NEW.`xp_reached_at`, 1, 10)
BEGIN
  UPDATE `leaderboard_counts` SET `n` = `n` - 1 WHERE `total_xp` = OLD.`total_xp` AND `quests_completed` = OLD.`quests_completed`;
  UPDATE `leaderboard_day_counts` SET `n` = `n` - 1
    WHERE `total_xp` = OLD.`total_xp` AND `quests_completed` = OLD.`quests_completed` AND `reached_day` = substr(OLD.`xp_reached_at`, 1, 10);
  INSERT INTO `leaderboard_counts` (`total_xp`, `quests_completed`, `n`) VALUES (NEW.`total_xp`, NEW.`quests_completed`, 1)
    ON CONFLICT (`total_xp`, `quests_completed`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `leaderboard_day_counts` (`total_xp`, `quests_completed`, `reached_day`, `n`)
    VALUES (NEW.`total_xp`, NEW.`quests_completed`, substr(NEW.`xp_reached_at`, 1, 10), 1)
    ON CONFLICT (`total_xp`, `quests_completed`, `reached_day`) DO UPDATE SET `n` = `n` + 1;
END;
