-- The second factor: a code from an authenticator app (TOTP), required for admins and
-- available to everyone. app_user.two_factor_enabled says whether a login needs it; the
-- secret lives in its own table from the moment enrolment starts (a pending secret until
-- the first correct code turns it on).
-- secret: 'plain:' + Base32, or 'aes:' + hex when STEPWISE_TWO_FACTOR_ENCRYPTION_KEY is set.
-- failures / window_started_at: tries counted in a fixed window, before each is checked.
-- last_used_step: the last 30-second step whose code was accepted; a code is never taken
-- twice, nor one older than the last.
-- Recovery codes are stored as SHA-256 hashes (they are random, 50 bits each) and deleted
-- when used.

alter table app_user add column two_factor_enabled boolean not null default false;

create table two_factor_secret (
    account_id        bigint       primary key references app_user (id) on delete cascade,
    secret            varchar(200) not null,
    created_at        timestamp with time zone not null,
    last_used_step    bigint,
    failures          integer      not null default 0,
    window_started_at timestamp with time zone
);

create table two_factor_recovery_code (
    account_id bigint      not null references app_user (id) on delete cascade,
    code_hash  varchar(64) not null,
    primary key (account_id, code_hash)
);
