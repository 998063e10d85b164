-- The collectors' fleet: what the pooled collection routes are planned with.
create table collection_vehicle (
    id               uuid           primary key,
    organization_id  uuid           not null references organization (id),
    name             varchar(100)   not null,
    -- Where the vehicle starts and ends its day: a site of its collector.
    depot_site_id    uuid           not null references site (id),
    capacity_m3      numeric(6, 2)  not null check (capacity_m3 > 0 and capacity_m3 <= 100),
    capacity_kg      integer        not null check (capacity_kg > 0 and capacity_kg <= 40000),
    -- Gross vehicle weight: sites with access limits (no truck over 3.5 t) refuse heavier ones.
    gross_weight_kg  integer        not null check (gross_weight_kg > 0 and gross_weight_kg <= 44000),
    shift_start      time           not null,
    shift_end        time           not null,
    cost_per_km      numeric(8, 2)  not null check (cost_per_km >= 0),
    cost_per_hour    numeric(8, 2)  not null check (cost_per_hour >= 0),
    kg_co2e_per_km   numeric(6, 3)  not null check (kg_co2e_per_km >= 0),
    -- ISO days of the week it works (1 Monday .. 7 Sunday).
    allowed_days     smallint[]     not null check (cardinality(allowed_days) between 1 and 7),
    active           boolean        not null default true,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    check (shift_start < shift_end)
);
create index collection_vehicle_organization_idx on collection_vehicle (organization_id) where active;

-- Access limits of a site (a city-centre street, a car park's height barrier): vehicles heavier than this cannot
-- collect there. Null: no limit.
alter table site add column max_gross_weight_kg integer check (max_gross_weight_kg > 0);
