-- The stakeholder network: organizations and their roles, sites, user accounts and API tokens.

create table commune (
    insee_code  varchar(5)       primary key,
    name        varchar(120)     not null,
    postal_code varchar(5)       not null,
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180)
);

create table organization (
    id                       uuid         primary key,
    name                     varchar(200) not null,
    siret                    varchar(14)  unique check (siret ~ '^[0-9]{14}$'),
    description              text,
    website                  varchar(300),
    contact_email            varchar(254),
    contact_phone            varchar(40),
    capacity_units_per_month integer      check (capacity_units_per_month >= 0),
    -- Organizations created by the demo seed; the seed refuses to run where any other exists.
    demo                     boolean      not null default false,
    created_at               timestamptz  not null,
    version                  bigint       not null default 0
);
create unique index organization_name_uk on organization (lower(name));

create table organization_role (
    organization_id uuid        not null references organization (id) on delete cascade,
    role            varchar(32) not null,
    primary key (organization_id, role)
);
create index organization_role_role_idx on organization_role (role);

create table organization_offering (
    organization_id uuid        not null references organization (id) on delete cascade,
    offering        varchar(40) not null,
    primary key (organization_id, offering)
);

create table organization_population (
    organization_id uuid        not null references organization (id) on delete cascade,
    population      varchar(40) not null,
    primary key (organization_id, population)
);

create table site (
    id              uuid             primary key,
    organization_id uuid             not null references organization (id) on delete cascade,
    name            varchar(200)     not null,
    street          varchar(200)     not null,
    postal_code     varchar(5)       not null,
    commune_code    varchar(5)       not null references commune (insee_code),
    latitude        double precision not null check (latitude between -90 and 90),
    longitude       double precision not null check (longitude between -180 and 180),
    access_notes    text,
    created_at      timestamptz      not null
);
create index site_organization_idx on site (organization_id);
create index site_commune_idx on site (commune_code);

create table site_opening_hours (
    site_id     uuid     not null references site (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens       time     not null,
    closes      time     not null,
    check (opens < closes)
);
create index site_opening_hours_site_idx on site_opening_hours (site_id);

create table user_account (
    id              uuid         primary key,
    organization_id uuid         not null references organization (id) on delete cascade,
    email           varchar(254) not null,
    password_hash   varchar(100),
    display_name    varchar(200) not null,
    locale          varchar(8)   not null default 'fr',
    enabled         boolean      not null default true,
    created_at      timestamptz  not null
);
create unique index user_account_email_uk on user_account (lower(email));
create index user_account_organization_idx on user_account (organization_id);

create table user_account_role (
    user_id uuid        not null references user_account (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table api_token (
    id           uuid         primary key,
    user_id      uuid         not null references user_account (id) on delete cascade,
    name         varchar(100) not null,
    -- SHA-256 of the secret, hex: the secret itself is shown once and never stored.
    token_hash   varchar(64)  not null unique,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);
