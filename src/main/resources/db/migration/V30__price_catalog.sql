-- Versioned AWS price catalog. A price change closes the old row (effective_to, is_active = false) and adds
-- a new one, so costs of past hours keep the price that was in force then.
create table price_catalog (
    id              uuid                        not null primary key,
    service         varchar(16)                 not null,
    region          varchar(32)                 not null,
    tier            varchar(64)                 not null,
    price_per_unit  numeric(20, 12)             not null,
    unit            varchar(32)                 not null,
    effective_from  timestamp with time zone    not null,
    effective_to    timestamp with time zone,
    is_active       boolean                     not null,
    source          varchar(500)                not null,
    created_at      timestamp with time zone    not null,
    constraint ck_price_catalog_service check (service in ('sqs', 'lambda', 'bedrock', 'llm')),
    constraint ck_price_catalog_price check (price_per_unit >= 0),
    constraint uk_price_catalog_version unique (service, region, tier, effective_from)
);

create index ix_price_catalog_lookup on price_catalog (region, service, tier, effective_from);

-- Shipped prices (research notes of 2026-11-22, section "AWS prices"). They apply from 2025-01-01, the
-- start of the period the cited sources cover; logs before that have no price and show a warning.
create table price_catalog_seed (
    service         varchar(16)     not null,
    tier            varchar(64)     not null,
    price_per_unit  numeric(20, 12) not null,
    unit            varchar(32)     not null,
    region_group    varchar(8)      not null,
    source          varchar(500)    not null
);

insert into price_catalog_seed (service, tier, price_per_unit, unit, region_group, source) values
    ('sqs', 'standard', 0.40, 'per_million_requests', 'all',
        'AWS What''s New 2016-11-17 (SQS $0.40/M standard in all regions); us-east-1 re-confirmed by cloudburn.io and factualminds.com guides, Mar/Jun 2026'),
    ('sqs', 'fifo', 0.50, 'per_million_requests', 'all',
        'AWS What''s New 2016-11-17 (SQS FIFO $0.50/M); us-east-1 re-confirmed by cloudburn.io and factualminds.com guides, Mar/Jun 2026'),
    ('lambda', 'x86_request', 0.20, 'per_million_requests', 'all',
        'calculator.aws lambda.json (copy in remotion-dev/remotion price-per-1-s.ts), corroborated by artillery prices.js, 2026'),
    ('lambda', 'arm_request', 0.20, 'per_million_requests', 'all',
        'calculator.aws lambda.json (copy in remotion-dev/remotion price-per-1-s.ts), corroborated by artillery prices.js, 2026'),
    ('lambda', 'x86_compute', 0.0000166667, 'per_gb_second', 'all',
        'calculator.aws lambda.json (copy in remotion-dev/remotion price-per-1-s.ts), first 6B GB-s/month, 2026'),
    ('lambda', 'arm_compute', 0.0000133334, 'per_gb_second', 'all',
        'calculator.aws lambda.json (copy in remotion-dev/remotion price-per-1-s.ts), first 7.5B GB-s/month, 2026'),
    -- Bedrock on-demand, USD per 1K tokens: in-region / us. profile for US regions, eu. profile for EU regions
    ('bedrock', 'claude_3_sonnet_input', 0.003, 'per_1k_tokens', 'us',
        'aws.amazon.com/bedrock/pricing, Claude 3 Sonnet (legacy) $3/$15 per 1M, same as Claude 3.5 Sonnet in LiteLLM 2026-07-24'),
    ('bedrock', 'claude_3_sonnet_output', 0.015, 'per_1k_tokens', 'us',
        'aws.amazon.com/bedrock/pricing, Claude 3 Sonnet (legacy) $3/$15 per 1M, same as Claude 3.5 Sonnet in LiteLLM 2026-07-24'),
    ('bedrock', 'claude_3_sonnet_input', 0.003, 'per_1k_tokens', 'eu',
        'aws.amazon.com/bedrock/pricing, Claude 3 Sonnet (legacy) $3/$15 per 1M, same as Claude 3.5 Sonnet eu. in LiteLLM 2026-07-24'),
    ('bedrock', 'claude_3_sonnet_output', 0.015, 'per_1k_tokens', 'eu',
        'aws.amazon.com/bedrock/pricing, Claude 3 Sonnet (legacy) $3/$15 per 1M, same as Claude 3.5 Sonnet eu. in LiteLLM 2026-07-24'),
    ('bedrock', 'claude_3_haiku_input', 0.00025, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-haiku-20240307-v1:0'),
    ('bedrock', 'claude_3_haiku_output', 0.00125, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-haiku-20240307-v1:0'),
    ('bedrock', 'claude_3_haiku_input', 0.00025, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-3-haiku-20240307-v1:0'),
    ('bedrock', 'claude_3_haiku_output', 0.00125, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-3-haiku-20240307-v1:0'),
    ('bedrock', 'claude_3_5_haiku_input', 0.0008, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-5-haiku-20241022-v1:0'),
    ('bedrock', 'claude_3_5_haiku_output', 0.004, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-5-haiku-20241022-v1:0'),
    ('bedrock', 'claude_3_5_sonnet_input', 0.003, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-5-sonnet-20241022-v2:0'),
    ('bedrock', 'claude_3_5_sonnet_output', 0.015, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-5-sonnet-20241022-v2:0'),
    ('bedrock', 'claude_3_5_sonnet_input', 0.003, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-3-5-sonnet-20241022-v2:0'),
    ('bedrock', 'claude_3_5_sonnet_output', 0.015, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-3-5-sonnet-20241022-v2:0'),
    ('bedrock', 'claude_3_7_sonnet_input', 0.003, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-7-sonnet-20250219-v1:0'),
    ('bedrock', 'claude_3_7_sonnet_output', 0.015, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-3-7-sonnet-20250219-v1:0'),
    ('bedrock', 'claude_3_7_sonnet_input', 0.003, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-3-7-sonnet-20250219-v1:0'),
    ('bedrock', 'claude_3_7_sonnet_output', 0.015, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-3-7-sonnet-20250219-v1:0'),
    ('bedrock', 'claude_sonnet_4_input', 0.003, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-sonnet-4-20250514-v1:0 (input up to 200K)'),
    ('bedrock', 'claude_sonnet_4_output', 0.015, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, anthropic.claude-sonnet-4-20250514-v1:0 (input up to 200K)'),
    ('bedrock', 'claude_sonnet_4_input', 0.003, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-sonnet-4-20250514-v1:0'),
    ('bedrock', 'claude_sonnet_4_output', 0.015, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-sonnet-4-20250514-v1:0'),
    ('bedrock', 'claude_sonnet_4_5_input', 0.0033, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, us.anthropic.claude-sonnet-4-5-20250929-v1:0'),
    ('bedrock', 'claude_sonnet_4_5_output', 0.0165, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, us.anthropic.claude-sonnet-4-5-20250929-v1:0'),
    ('bedrock', 'claude_sonnet_4_5_input', 0.0033, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-sonnet-4-5-20250929-v1:0'),
    ('bedrock', 'claude_sonnet_4_5_output', 0.0165, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-sonnet-4-5-20250929-v1:0'),
    ('bedrock', 'claude_sonnet_4_6_input', 0.0033, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, us.anthropic.claude-sonnet-4-6'),
    ('bedrock', 'claude_sonnet_4_6_output', 0.0165, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, us.anthropic.claude-sonnet-4-6'),
    ('bedrock', 'claude_sonnet_4_6_input', 0.0033, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-sonnet-4-6'),
    ('bedrock', 'claude_sonnet_4_6_output', 0.0165, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-sonnet-4-6'),
    ('bedrock', 'claude_haiku_4_5_input', 0.0011, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, us.anthropic.claude-haiku-4-5-20251001-v1:0'),
    ('bedrock', 'claude_haiku_4_5_output', 0.0055, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, us.anthropic.claude-haiku-4-5-20251001-v1:0'),
    ('bedrock', 'claude_haiku_4_5_input', 0.0011, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-haiku-4-5-20251001-v1:0'),
    ('bedrock', 'claude_haiku_4_5_output', 0.0055, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.anthropic.claude-haiku-4-5-20251001-v1:0'),
    ('bedrock', 'claude_opus_4_1_input', 0.015, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, Claude Opus 4 / 4.1'),
    ('bedrock', 'claude_opus_4_1_output', 0.075, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, Claude Opus 4 / 4.1'),
    ('bedrock', 'claude_opus_4_1_input', 0.015, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, Claude Opus 4 / 4.1 (eu. profile)'),
    ('bedrock', 'claude_opus_4_1_output', 0.075, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, Claude Opus 4 / 4.1 (eu. profile)'),
    ('bedrock', 'claude_opus_4_5_input', 0.0055, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, Claude Opus 4.5 (us. profile)'),
    ('bedrock', 'claude_opus_4_5_output', 0.0275, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, Claude Opus 4.5 (us. profile)'),
    ('bedrock', 'claude_opus_4_5_input', 0.0055, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, Claude Opus 4.5 (eu. profile)'),
    ('bedrock', 'claude_opus_4_5_output', 0.0275, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, Claude Opus 4.5 (eu. profile)'),
    ('bedrock', 'nova_micro_input', 0.000035, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.nova-micro-v1:0'),
    ('bedrock', 'nova_micro_output', 0.00014, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.nova-micro-v1:0'),
    ('bedrock', 'nova_micro_input', 0.000046, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.amazon.nova-micro-v1:0'),
    ('bedrock', 'nova_micro_output', 0.000184, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.amazon.nova-micro-v1:0'),
    ('bedrock', 'nova_lite_input', 0.00006, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.nova-lite-v1:0'),
    ('bedrock', 'nova_lite_output', 0.00024, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.nova-lite-v1:0'),
    ('bedrock', 'nova_lite_input', 0.000078, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.amazon.nova-lite-v1:0'),
    ('bedrock', 'nova_lite_output', 0.000312, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.amazon.nova-lite-v1:0'),
    ('bedrock', 'nova_pro_input', 0.0008, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.nova-pro-v1:0'),
    ('bedrock', 'nova_pro_output', 0.0032, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.nova-pro-v1:0'),
    ('bedrock', 'nova_pro_input', 0.00105, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.amazon.nova-pro-v1:0'),
    ('bedrock', 'nova_pro_output', 0.0042, 'per_1k_tokens', 'eu', 'LiteLLM price map 2026-07-24, eu.amazon.nova-pro-v1:0'),
    ('bedrock', 'titan_text_premier_input', 0.0005, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.titan-text-premier-v1:0'),
    ('bedrock', 'titan_text_premier_output', 0.0015, 'per_1k_tokens', 'us', 'LiteLLM price map 2026-07-24, amazon.titan-text-premier-v1:0');

create table price_catalog_seed_region (
    region          varchar(32)     not null,
    region_group    varchar(8)      not null
);

-- ap-southeast-1 gets SQS and Lambda only: the research notes have no Bedrock figures for APAC, and a
-- missing price is reported as a warning rather than guessed.
insert into price_catalog_seed_region (region, region_group) values
    ('us-east-1', 'us'), ('us-west-2', 'us'), ('eu-west-1', 'eu'), ('eu-central-1', 'eu'),
    ('ap-southeast-1', 'ap');

insert into price_catalog (id, service, region, tier, price_per_unit, unit, effective_from, effective_to,
        is_active, source, created_at)
select gen_random_uuid(), s.service, r.region, s.tier, s.price_per_unit, s.unit,
       timestamp with time zone '2025-01-01 00:00:00+00', null, true, s.source, current_timestamp
from price_catalog_seed s
join price_catalog_seed_region r on s.region_group = 'all' or s.region_group = r.region_group;

drop table price_catalog_seed;
drop table price_catalog_seed_region;
