-- Provider (OpenRouter) API keys of users, encrypted at rest, and the usage synced from the provider.

-- key_ciphertext is Tink AES-256-GCM with the row's id as associated data, so a ciphertext copied to
-- another row does not decrypt; its first five bytes name the key of the keyset that encrypted it.
create table provider_keys (
    id                  uuid                        not null primary key,
    user_id             uuid                        not null references users (id),
    name                varchar(100)                not null,
    provider            varchar(32)                 not null,
    key_ciphertext      bytea                       not null,
    key_preview         varchar(32)                 not null,
    -- learnt at validation: 'management' (activity per day and model) or 'ordinary' (key totals)
    key_type            varchar(16),
    is_active           boolean                     not null,
    limit_usd           numeric(20, 8),
    limit_remaining_usd numeric(20, 8),
    limit_reset         varchar(16),
    created_at          timestamp with time zone    not null,
    updated_at          timestamp with time zone    not null,
    last_validated_at   timestamp with time zone,
    last_synced_at      timestamp with time zone,
    invalidated_at      timestamp with time zone,
    constraint ck_provider_keys_type check (key_type in ('management', 'ordinary'))
);

create index ix_provider_keys_user on provider_keys (user_id, created_at);

-- One row per key, UTC day and model; '*' is a key-level row (ordinary keys report only cost per day).
-- Rows stay when their key is deleted (unless purged), so they carry the owner's id themselves.
create table usage_stats (
    api_key_id          uuid                        not null,
    usage_date          date                        not null,
    model               varchar(255)                not null,
    user_id             uuid                        not null,
    requests_count      bigint,
    tokens_input        bigint,
    tokens_output       bigint,
    cost                numeric(20, 8)              not null,
    synced_at           timestamp with time zone    not null,
    constraint pk_usage_stats primary key (api_key_id, usage_date, model)
);

create index ix_usage_stats_user_date on usage_stats (user_id, usage_date);
create index ix_usage_stats_date on usage_stats (usage_date);
