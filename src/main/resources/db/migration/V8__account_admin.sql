-- What admins change on an account, and what every request checks against its session.
-- session_epoch moves whenever the sessions of an account must end (disabled, temporary
-- password, password changed); a session remembers the value it logged in with.
-- must_change_password is set with a temporary password and cleared when the user
-- chooses their own. Existing accounts keep their sessions and passwords.

alter table app_user add column session_epoch bigint not null default 0;

alter table app_user add column must_change_password boolean not null default false;
