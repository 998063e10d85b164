-- Needs posted by buyers and associations: what the allocation optimiser serves. The social priority of an
-- association's need is set by coordinators from documented criteria, never by the association itself.
create table demand (
    id                  uuid           primary key,
    organization_id     uuid           not null references organization (id),
    -- BUYER pays the listing's price (within max_unit_price); ASSOCIATION pays what it can, the fund covers the rest.
    kind                varchar(12)    not null check (kind in ('BUYER', 'ASSOCIATION')),
    category            varchar(16)    not null references category_standard (category),
    quantity            integer        not null check (quantity between 1 and 100000),
    -- Units reserved for it by accepted allocation plans: what is left to serve is quantity - quantity_allocated.
    quantity_allocated  integer        not null default 0 check (quantity_allocated between 0 and quantity),
    min_ram_gb          integer        not null default 0 check (min_ram_gb between 0 and 4096),
    min_storage_gb      integer        not null default 0 check (min_storage_gb between 0 and 1000000),
    min_cpu_generation  smallint       not null default 0 check (min_cpu_generation between 0 and 99),
    min_screen_inches   numeric(4, 1)  not null default 0 check (min_screen_inches between 0 and 150),
    min_grade           varchar(1)     not null check (min_grade in ('A', 'B', 'C')),
    latest_date         date           not null,
    delivery_site_id    uuid           not null references site (id),
    -- Euros excluding VAT. Buyers: the most they pay per unit (required). Associations: what they can contribute (0: donations only).
    max_unit_price      numeric(10, 2) not null default 0 check (max_unit_price >= 0),
    population_served   integer        not null default 0 check (population_served >= 0),
    note                varchar(1000),
    -- Coordinators only; null until set (the optimiser then uses 1). Buyers never have one.
    social_priority     smallint       check (social_priority between 1 and 10),
    -- The documented criteria the coordinator applied (PEOPLE_SERVED, URGENCY, DIGITAL_INCLUSION_PROGRAMME, ...).
    priority_criteria   varchar(40)[]  not null default '{}',
    priority_note       varchar(1000),
    priority_set_by     uuid,
    priority_set_by_name varchar(200),
    priority_set_at     timestamptz,
    status              varchar(12)    not null check (status in ('OPEN', 'FULFILLED', 'WITHDRAWN')),
    created_by          uuid           references user_account (id) on delete set null,
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null,
    check (kind = 'ASSOCIATION' or (social_priority is null and population_served = 0 and max_unit_price > 0))
);
create index demand_open_idx on demand (latest_date) where status = 'OPEN';
create index demand_organization_idx on demand (organization_id, created_at desc);
