-- Users and their API keys. Keys are stored only as SHA-256 hashes of the key material.
create table users (
    id              uuid                        not null primary key,
    username        varchar(64)                 not null,
    email           varchar(255),
    password_hash   varchar(255)                not null,
    role            varchar(16)                 not null,
    tier            varchar(16)                 not null,
    is_active       boolean                     not null,
    created_at      timestamp with time zone    not null,
    updated_at      timestamp with time zone    not null,
    constraint uk_users_username unique (username),
    constraint uk_users_email unique (email),
    constraint ck_users_role check (role in ('admin', 'member', 'viewer'))
);

create table api_keys (
    id              uuid                        not null primary key,
    user_id         uuid                        not null references users (id),
    name            varchar(100)                not null,
    key_prefix      varchar(16)                 not null,
    key_hash        varchar(64)                 not null,
    -- null: the owner's tier applies; 'unlimited' for service keys an admin issues
    tier            varchar(16),
    is_active       boolean                     not null,
    created_at      timestamp with time zone    not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    constraint uk_api_keys_hash unique (key_hash)
);

create index ix_api_keys_user on api_keys (user_id);
