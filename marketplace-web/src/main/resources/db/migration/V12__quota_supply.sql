-- The supply side of the public reuse obligations: décret n° 2023-266 of 12 April 2023 (loi n° 2021-1485, art. 16).
-- The State's services, local authorities and their groupings must send a yearly share of the IT equipment they
-- retire ("matériels informatiques réformés") to reuse or preparation for reuse.

-- The objective as versioned data: a new decree is a new row, never a release. Years do not overlap.
-- categories: Boucle's categories the decree covers. Its art. 1 covers WEEE categories 2° (screens and equipment with
-- a screen over 100 cm²) and 6° (small IT and telecom equipment) of art. R. 543-172 II of the code de l'environnement:
-- every category but SERVER, which is large equipment (4°).
-- max_age_years: equipment older than this at the date of its reform is excluded from the calculation (art. 1).
create table quota_supply_rule (
    id              uuid          primary key,
    rule_set        varchar(40)   not null,
    legal_reference varchar(300)  not null,
    year_from       smallint      not null check (year_from >= 2000),
    -- Null: until a later rule replaces it.
    year_to         smallint,
    minimum_share   numeric(5, 4) not null check (minimum_share between 0 and 1),
    max_age_years   smallint      not null check (max_age_years > 0),
    categories      varchar(16)[] not null check (cardinality(categories) > 0),
    note            text,
    check (year_to is null or year_to >= year_from),
    exclude using gist (int4range(year_from, year_to, '[]') with &&)
);

-- Art. 3's table: 25 % for 2023, 35 % for 2024, 50 % from 2025.
insert into quota_supply_rule (id, rule_set, legal_reference, year_from, year_to, minimum_share, max_age_years,
                               categories, note) values
    ('5b000000-0000-0000-0000-000000002023', 'decret-2023-266',
     'Décret n° 2023-266 du 12 avril 2023, art. 3 (loi n° 2021-1485 du 15 novembre 2021, art. 16)', 2023, 2023,
     0.2500, 10, '{LAPTOP,DESKTOP,SCREEN,SMARTPHONE,TABLET,PRINTER,NETWORK,OTHER}', 'Objectif 2023 : 25 %'),
    ('5b000000-0000-0000-0000-000000002024', 'decret-2023-266',
     'Décret n° 2023-266 du 12 avril 2023, art. 3 (loi n° 2021-1485 du 15 novembre 2021, art. 16)', 2024, 2024,
     0.3500, 10, '{LAPTOP,DESKTOP,SCREEN,SMARTPHONE,TABLET,PRINTER,NETWORK,OTHER}', 'Objectif 2024 : 35 %'),
    ('5b000000-0000-0000-0000-000000002025', 'decret-2023-266',
     'Décret n° 2023-266 du 12 avril 2023, art. 3 (loi n° 2021-1485 du 15 novembre 2021, art. 16)', 2025, null,
     0.5000, 10, '{LAPTOP,DESKTOP,SCREEN,SMARTPHONE,TABLET,PRINTER,NETWORK,OTHER}', 'Objectif à partir de 2025 : 50 %');

-- What became of a device that left the donor's park outside Boucle, as the donor declared it: one disposition per
-- device, a later declaration replacing an earlier one. Reuse channels are the decree's art. 2: transfer to another
-- public body, sale, donation, take-back for reuse; recycling and destruction are retirements that reuse nothing.
create table quota_supply_disposition (
    asset_id        uuid         primary key references asset (id) on delete cascade,
    organization_id uuid         not null references organization (id) on delete cascade,
    -- The asset tag or serial number as the donor wrote it.
    reference       varchar(100) not null,
    disposed_on     date         not null,
    channel         varchar(24)  not null check (channel in ('transfer_public_body', 'sale', 'donation',
                                                             'take_back_reuse', 'recycling', 'destruction')),
    declared_at     timestamptz  not null,
    -- No foreign key: the record of who declared outlives their account.
    declared_by     uuid
);
create index quota_supply_disposition_organization_idx on quota_supply_disposition (organization_id, disposed_on);
