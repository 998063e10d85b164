-- Allocation runs: the optimiser's plans, persisted so that any instance can show, stop or accept them, and so that a
-- run whose instance died is seen to have failed (its heartbeat stops).
create table allocation_run (
    id                 uuid         primary key,
    territory          varchar(60)  not null,
    status             varchar(10)  not null check (status in ('RUNNING', 'SOLVED', 'FAILED', 'ACCEPTED')),
    time_limit_seconds integer      not null check (time_limit_seconds > 0),
    started_by         uuid,
    started_by_name    varchar(200) not null,
    started_at         timestamptz  not null,
    -- The instance solving it writes this every second; a RUNNING run whose heartbeat is too old has crashed.
    heartbeat_at       timestamptz  not null,
    instance_id        varchar(100) not null,
    stop_requested     boolean      not null default false,
    finished_at        timestamptz,
    hard_score         bigint,
    soft_score         bigint,
    -- {unitsToAssociations, unitsSold, revenueCents, subsidiesCents, solidarityFundUsedCents, transportKm, co2eAvoidedKg}
    metrics            jsonb,
    -- [{elapsedMs, hard, soft}], each new best plan
    progress           jsonb        not null default '[]',
    -- What the run saw: supply and demand with their names and places, so that the plan reads the same later.
    inputs             jsonb        not null,
    fund_balance_cents bigint       not null,
    constraints        jsonb,
    explanations       jsonb,
    failure            text,
    accepted_at        timestamptz,
    accepted_by        uuid,
    accepted_by_name   varchar(200)
);
-- One run at a time per territory, whichever instance starts it.
create unique index allocation_run_one_running_uk on allocation_run (territory) where status = 'RUNNING';
create index allocation_run_started_idx on allocation_run (territory, started_at desc);

create table allocation_assignment (
    run_id           uuid           not null references allocation_run (id) on delete cascade,
    listing_id       uuid           not null references listing (id),
    demand_id        uuid           not null references demand (id),
    quantity         integer        not null check (quantity > 0),
    -- What the recipient pays per unit (euro cents excl. VAT) and what the solidarity fund adds.
    unit_paid_cents    bigint       not null check (unit_paid_cents >= 0),
    unit_subsidy_cents bigint       not null check (unit_subsidy_cents >= 0),
    km               double precision not null,
    -- Set when the plan is accepted and the units are held for the recipient.
    reservation_id   uuid           references reservation (id),
    -- Why the units could not be held on acceptance (stock gone, need withdrawn...).
    conflict         varchar(300),
    primary key (run_id, listing_id, demand_id)
);
create index allocation_assignment_demand_idx on allocation_assignment (demand_id);

-- What the platform tells an organization (an allocation for it, ...): read in the app, newest first.
create table notification (
    id              uuid          primary key,
    organization_id uuid          not null references organization (id) on delete cascade,
    title           varchar(200)  not null,
    body            varchar(2000) not null,
    link            varchar(300),
    created_at      timestamptz   not null,
    read_at         timestamptz
);
create index notification_organization_idx on notification (organization_id, created_at desc);
