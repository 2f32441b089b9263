-- People and access: an administrator switches a user off (their sessions end and they cannot
-- sign in), hands out one-time passwords that must be replaced at the next sign-in, and keeps
-- an e-mail address for each user.
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN email TEXT;

CREATE INDEX sessions_user ON sessions(user_id);
