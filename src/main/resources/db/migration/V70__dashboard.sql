-- What each user chose in the dashboard, kept across sessions, and an index for the
-- overview's "every scenario in this range" read of the roll-ups.
create table dashboard_preferences (
    user_id             uuid                        not null primary key,
    locale              varchar(16),
    tour_done           boolean                     not null,
    shortcuts_enabled   boolean                     not null,
    updated_at          timestamp with time zone    not null
);

create index ix_scenario_rollups_bucket on scenario_rollups (bucket_start);
