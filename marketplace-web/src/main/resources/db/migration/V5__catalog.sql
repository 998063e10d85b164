-- The marketplace catalogue: upcoming decommissioned lots and refurbished stock, their photos, the impact
-- factors that say what buying them reused avoids, and the outbox that carries every change to the search index.

-- kg CO2e for manufacturing and distributing one new device (ADEME, Base Empreinte / "numérique responsable"
-- figures): the emissions avoided when a reused device replaces a new one. Data, not code: a coordinator
-- can correct a factor or add one without a release.
create table impact_factor (
    category   varchar(16)  primary key,
    kg_co2e    numeric(8,1) not null check (kg_co2e >= 0),
    source     varchar(200) not null,
    updated_at timestamptz  not null default now()
);
insert into impact_factor (category, kg_co2e, source) values
    ('LAPTOP',     182.6, 'ADEME, ordinateur portable, fabrication et distribution'),
    ('DESKTOP',    204.4, 'ADEME, ordinateur fixe professionnel (unité centrale), fabrication et distribution'),
    ('SCREEN',      65.9, 'ADEME, écran 24 pouces, fabrication et distribution'),
    ('SMARTPHONE',  85.1, 'ADEME, smartphone, fabrication et distribution'),
    ('TABLET',      59.7, 'ADEME, tablette, fabrication et distribution');

create table listing (
    id                     uuid          primary key,
    kind                   varchar(16)   not null check (kind in ('UPCOMING_LOT', 'REFURBISHED')),
    status                 varchar(12)   not null check (status in ('ACTIVE', 'PAUSED', 'WITHDRAWN')),
    seller_id              uuid          not null references organization (id),
    site_id                uuid          not null references site (id),
    category               varchar(16)   not null,
    manufacturer           varchar(80),
    model                  varchar(120),
    title                  varchar(200)  not null,
    description            text,
    cpu_family             varchar(60),
    cpu_generation         smallint      check (cpu_generation between 1 and 99),
    ram_gb                 integer       check (ram_gb between 0 and 4096),
    storage_type           varchar(8)    check (storage_type in ('SSD', 'NVME', 'HDD', 'EMMC')),
    storage_gb             integer       check (storage_gb between 0 and 1000000),
    screen_inches          numeric(4, 1) check (screen_inches between 1 and 150),
    -- Null for an upcoming lot: nothing is graded before the workshop has inspected it.
    grade                  varchar(1)    check (grade in ('A', 'B', 'C')),
    battery_health_percent smallint      check (battery_health_percent between 0 and 100),
    quantity_available     integer       not null check (quantity_available >= 0),
    -- Excluding VAT; null means a donation (for associations).
    unit_price             numeric(10, 2) check (unit_price >= 0),
    currency               char(3)       not null default 'EUR',
    warranty_months        smallint      not null default 0 check (warranty_months between 0 and 120),
    available_from         date          not null,
    available_until        date,
    -- The forecast lot (UpcomingLot id) an upcoming-lot listing was published from.
    source_lot_id          varchar(200),
    -- Optimistic lock, and the external version the search index keeps so an older change never wins.
    version                bigint        not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    check (available_until is null or available_until >= available_from),
    check (kind = 'UPCOMING_LOT' or source_lot_id is null)
);
create unique index listing_source_lot_uk on listing (seller_id, source_lot_id) where source_lot_id is not null;
create index listing_seller_idx on listing (seller_id, status);
create index listing_site_idx on listing (site_id);

create table listing_photo (
    listing_id   uuid        not null references listing (id) on delete cascade,
    position     smallint    not null check (position between 0 and 9),
    content_type varchar(40) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes        bytea       not null,
    created_at   timestamptz not null,
    primary key (listing_id, position)
);

-- Transactional outbox: a row per listing change, written in the change's own transaction. The search
-- indexer claims pending rows (skip locked, so several app instances share the work) and marks them done
-- only once Elasticsearch has acknowledged them. txid lets a full reindex replay exactly the changes its
-- snapshot may not have seen.
create table search_outbox (
    id           bigserial   primary key,
    listing_id   uuid        not null,
    txid         xid8        not null default pg_current_xact_id(),
    created_at   timestamptz not null default now(),
    processed_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index search_outbox_pending_idx on search_outbox (id) where processed_at is null;
create index search_outbox_txid_idx on search_outbox (txid);
