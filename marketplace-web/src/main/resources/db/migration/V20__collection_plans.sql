-- Pooled collection plans: the router's runs, persisted like allocation runs so that any instance can show, stop or
-- accept them, and a run whose instance died is seen to have failed (its heartbeat stops).
create table collection_plan (
    id                 uuid         primary key,
    territory          varchar(60)  not null,
    status             varchar(10)  not null
                           check (status in ('RUNNING', 'SOLVED', 'FAILED', 'ACCEPTED', 'SUPERSEDED')),
    horizon_from       date         not null,
    horizon_to         date         not null check (horizon_to >= horizon_from),
    time_limit_seconds integer      not null check (time_limit_seconds > 0),
    -- The collector whose fleet alone it plans; null: the whole territory's fleet (a coordinator's plan).
    fleet_of           uuid         references organization (id),
    -- Set when the plan re-plans an accepted one after a cancellation or a breakdown.
    replans            uuid         references collection_plan (id),
    reason             varchar(300),
    started_by         uuid,
    started_by_name    varchar(200) not null,
    started_at         timestamptz  not null,
    heartbeat_at       timestamptz  not null,
    instance_id        varchar(100) not null,
    stop_requested     boolean      not null default false,
    finished_at        timestamptz,
    -- {hard, unservedLots, acceptedMoved, routes, costEuros}
    score              jsonb,
    feasible           boolean,
    -- [{elapsedMs, hard, unservedLots, routes, costEuros}], each new best plan
    progress           jsonb        not null default '[]',
    -- What the run saw: lots, sites, vehicles and workshops with their names and places, so the plan reads the same later.
    inputs             jsonb        not null,
    -- The engine's plan: {routes: [...], unserved: [...]}
    plan               jsonb,
    failure            text,
    accepted_at        timestamptz,
    accepted_by        uuid,
    accepted_by_name   varchar(200)
);
create unique index collection_plan_one_running_uk on collection_plan (territory) where status = 'RUNNING';
create index collection_plan_started_idx on collection_plan (territory, started_at desc);

-- A pickup given to a donor: one stop of an accepted plan. Re-planning cancels or moves them; the collector confirms
-- them, which records the "collected" custody step of the lot's devices.
create table collection_pickup (
    id              uuid          primary key,
    plan_id         uuid          not null references collection_plan (id),
    donor_id        uuid          not null references organization (id),
    site_id         uuid          not null references site (id),
    vehicle_id      uuid          not null references collection_vehicle (id),
    day             date          not null,
    -- Its place in the vehicle's day, from 1.
    position        integer       not null check (position > 0),
    arrival         timestamp     not null,
    departure       timestamp     not null check (departure >= arrival),
    workshop_id     uuid          not null references organization (id),
    lot_ids         text[]        not null check (cardinality(lot_ids) > 0),
    devices         integer       not null check (devices > 0),
    status          varchar(10)   not null check (status in ('SCHEDULED', 'CANCELLED', 'MOVED', 'COLLECTED')),
    -- CANCELLED by the donor (or a coordinator), MOVED by a re-plan, COLLECTED once the collector confirms it: why, or who.
    status_note     varchar(300),
    status_at       timestamptz,
    created_at      timestamptz   not null
);
create index collection_pickup_donor_idx on collection_pickup (donor_id, day) where status <> 'CANCELLED';
create index collection_pickup_vehicle_idx on collection_pickup (vehicle_id, day, position) where status <> 'CANCELLED';
create index collection_pickup_plan_idx on collection_pickup (plan_id);

-- Where a donor's calendar application reads its pickups: a secret address, since such applications cannot log in.
create table pickup_calendar (
    organization_id uuid          primary key references organization (id) on delete cascade,
    token           varchar(64)   not null unique,
    created_at      timestamptz   not null
);

-- A vehicle out of service (breakdown, inspection): plans leave it out from..to, and a re-plan moves its pickups.
create table vehicle_unavailability (
    id          uuid          primary key,
    vehicle_id  uuid          not null references collection_vehicle (id) on delete cascade,
    from_day    date          not null,
    to_day      date          not null check (to_day >= from_day),
    reason      varchar(300)  not null,
    created_at  timestamptz   not null
);
create index vehicle_unavailability_idx on vehicle_unavailability (vehicle_id, to_day);
