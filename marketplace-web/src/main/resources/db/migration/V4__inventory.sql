-- Donors' asset inventories, consolidated from GLPI, Snipe-IT and spreadsheet exports, and their forecast.

-- A donor's saved column mapping for generic CSV/XLSX files: Boucle field -> the file's header.
create table inventory_mapping (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id) on delete cascade,
    name            varchar(100) not null,
    columns         jsonb        not null,
    created_at      timestamptz  not null
);
create unique index inventory_mapping_name_uk on inventory_mapping (organization_id, lower(name));

-- One upload of one export: who imported what, when, and what it did.
create table inventory_import (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id) on delete cascade,
    imported_by     uuid         references user_account (id) on delete set null,
    format          varchar(16)  not null,
    mode            varchar(16)  not null check (mode in ('ALL_OR_NOTHING', 'VALID_ROWS')),
    file_name       varchar(255),
    file_bytes      bigint       not null,
    status          varchar(16)  not null check (status in ('RUNNING', 'COMPLETED', 'REJECTED', 'FAILED')),
    bytes_read      bigint       not null default 0,
    rows_read       bigint       not null default 0,
    created         integer      not null default 0,
    updated         integer      not null default 0,
    unchanged       integer      not null default 0,
    flagged_missing integer      not null default 0,
    rejected        integer      not null default 0,
    failure         text,
    started_at      timestamptz  not null,
    -- Moved forward while the import runs; a RUNNING import whose heartbeat stopped was interrupted.
    heartbeat_at    timestamptz  not null,
    finished_at     timestamptz
);
create index inventory_import_organization_idx on inventory_import (organization_id, started_at desc);

-- Every row an import rejected, with the row and column the user sees in their file.
create table inventory_import_error (
    import_id uuid         not null references inventory_import (id) on delete cascade,
    row_number bigint      not null,
    column_name text,
    reason     text        not null
);
create index inventory_import_error_idx on inventory_import_error (import_id, row_number);

-- How long a donor keeps each category before renewing it; absent rows use the configured defaults.
create table renewal_policy (
    organization_id uuid        not null references organization (id) on delete cascade,
    category        varchar(16) not null,
    lifetime_months integer     not null check (lifetime_months between 1 and 360),
    primary key (organization_id, category)
);

create table asset (
    id                   uuid          primary key,
    organization_id      uuid          not null references organization (id) on delete cascade,
    -- Which kind of export the asset came from: its source ids are only comparable within one.
    source_system        varchar(16)   not null check (source_system in ('GLPI', 'SNIPEIT', 'FILE')),
    source_id            varchar(100),
    serial               varchar(100),
    asset_tag            varchar(100),
    name                 text,
    category             varchar(16)   not null,
    manufacturer         text,
    model                text,
    cpu                  text,
    ram_gb               integer,
    storage_gb           integer,
    storage_type         varchar(8),
    screen_inches        numeric(4, 1),
    purchase_date        date,
    warranty_end         date,
    planned_decommission date,
    purchase_value       numeric(14, 2),
    location             text,
    site_id              uuid          references site (id) on delete set null,
    source_status        text,
    deleted_in_source    boolean       not null default false,
    forecast_date        date,
    forecast_rule        varchar(16)   not null check (forecast_rule in ('PLANNED', 'RENEWAL_POLICY', 'WARRANTY_END', 'UNKNOWN')),
    -- Set when an asset left its export; cleared if it comes back. Assets are never deleted by an import.
    missing_since        timestamptz,
    content_hash         varchar(32)   not null,
    last_import_id       uuid          references inventory_import (id) on delete set null,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null
);
create unique index asset_source_uk on asset (organization_id, source_system, source_id) where source_id is not null;
create index asset_serial_idx on asset (organization_id, serial) where serial is not null;
-- Exports without ids or serials (GLPI's default CSV views) are matched on their asset tag.
create index asset_tag_idx on asset (organization_id, asset_tag) where asset_tag is not null;
create index asset_forecast_idx on asset (forecast_date, category);
create index asset_organization_idx on asset (organization_id, category);
