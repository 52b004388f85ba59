-- Failed logins per account and per client address, kept in the database so that every
-- instance of the portal counts the same attempts.
create table login_attempt (
    attempt_key       varchar(300) primary key,
    failures          integer      not null,
    window_started_at timestamp with time zone not null
);

create index ix_login_attempt_window on login_attempt (window_started_at);
