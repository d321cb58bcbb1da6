CREATE TABLE `badges` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`icon` text NOT NULL,
	`condition_json` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `levels` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`required_xp` integer NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quest_progress` (
	`user_id` integer NOT NULL,
	`quest_id` integer NOT NULL,
	`best_score` real,
	`best_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`completed_at` text,
	`xp_awarded` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `quest_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quest_id`) REFERENCES `quests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quest_progress_board_idx` ON `quest_progress` (`quest_id`,`best_score`,`best_at`);--> statement-breakpoint
CREATE TABLE `quests` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`level_id` integer NOT NULL,
	`task_type` text NOT NULL,
	`dataset` text NOT NULL,
	`metric` text NOT NULL,
	`average` text,
	`higher_is_better` integer NOT NULL,
	`threshold` real NOT NULL,
	`xp_reward` integer NOT NULL,
	`daily_submission_limit` integer NOT NULL,
	`notebook` text,
	`position` integer NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quests_level_idx` ON `quests` (`level_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at_ms` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at_ms`);--> statement-breakpoint
CREATE TABLE `submission_models` (
	`submission_id` integer PRIMARY KEY NOT NULL,
	`onnx` blob NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`quest_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`score` real,
	`passed` integer,
	`xp_awarded` integer DEFAULT 0 NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`model_sha256` text,
	`model_bytes` integer,
	`local_day` text,
	`result_json` text,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quest_id`) REFERENCES `quests`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submissions_status_check" CHECK("submissions"."status" IN ('queued','evaluating','scored','rejected','failed'))
);
--> statement-breakpoint
CREATE INDEX `submissions_user_quest_created_idx` ON `submissions` (`user_id`,`quest_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_status_idx` ON `submissions` (`status`);--> statement-breakpoint
CREATE INDEX `submissions_user_created_idx` ON `submissions` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `user_badges` (
	`user_id` integer NOT NULL,
	`badge_id` text NOT NULL,
	`earned_at` text NOT NULL,
	`submission_id` integer,
	PRIMARY KEY(`user_id`, `badge_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`badge_id`) REFERENCES `badges`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`username_lower` text NOT NULL,
	`email` text NOT NULL,
	`email_lower` text NOT NULL,
	`display_name` text,
	`password_hash` text NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`created_at` text NOT NULL,
	`total_xp` integer DEFAULT 0 NOT NULL,
	`quests_completed` integer DEFAULT 0 NOT NULL,
	`xp_reached_at` text NOT NULL,
	`current_streak` integer DEFAULT 0 NOT NULL,
	`longest_streak` integer DEFAULT 0 NOT NULL,
	`last_active_day` text,
	CONSTRAINT "users_xp_nonneg" CHECK("users"."total_xp" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_lower_uq` ON `users` (`username_lower`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_lower_uq` ON `users` (`email_lower`);--> statement-breakpoint
CREATE INDEX `users_leaderboard_idx` ON `users` ("total_xp" DESC,"quests_completed" DESC,"xp_reached_at" ASC,"id" ASC);--> statement-breakpoint
CREATE TABLE `xp_awards` (
	`user_id` integer NOT NULL,
	`quest_id` integer NOT NULL,
	`submission_id` integer,
	`xp` integer NOT NULL,
	`awarded_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `quest_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quest_id`) REFERENCES `quests`(`id`) ON UPDATE no action ON DELETE no action
);
