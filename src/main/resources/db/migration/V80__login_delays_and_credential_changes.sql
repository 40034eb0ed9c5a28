-- When a user's credentials last changed (password changed or reset, a refresh token reused,
-- the account deactivated): access tokens issued before it are refused.
alter table users add column credentials_changed_at timestamp with time zone;

-- The growing delay between failed sign-ins: one row per username and per client IP.
create table login_delays (
    subject         varchar(200)                not null primary key,
    failures        integer                     not null,
    last_failure_at timestamp with time zone    not null,
    next_attempt_at timestamp with time zone    not null
);

-- replaced by login_delays: failures were counted to lock a username or an IP out
drop table login_failures;
