-- Refresh tokens, password-reset tokens and login failures. Tokens are stored only as SHA-256 hashes.
create table refresh_tokens (
    id              uuid                        not null primary key,
    user_id         uuid                        not null references users (id),
    family_id       uuid                        not null,
    token_hash      varchar(64)                 not null,
    created_at      timestamp with time zone    not null,
    expires_at      timestamp with time zone    not null,
    -- set when the token was exchanged for a new one: presenting it again is reuse
    used_at         timestamp with time zone,
    revoked_at      timestamp with time zone,
    constraint uk_refresh_tokens_hash unique (token_hash)
);

create index ix_refresh_tokens_family on refresh_tokens (family_id);

create table password_reset_tokens (
    id              uuid                        not null primary key,
    user_id         uuid                        not null references users (id),
    token_hash      varchar(64)                 not null,
    created_at      timestamp with time zone    not null,
    expires_at      timestamp with time zone    not null,
    used_at         timestamp with time zone,
    constraint uk_password_reset_tokens_hash unique (token_hash)
);

-- one row per failed login, counted per username and per client IP over a sliding window
create table login_failures (
    id              uuid                        not null primary key,
    subject         varchar(200)                not null,
    occurred_at     timestamp with time zone    not null
);

create index ix_login_failures_subject on login_failures (subject, occurred_at);
