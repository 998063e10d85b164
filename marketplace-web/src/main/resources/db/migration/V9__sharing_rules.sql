-- Value sharing: how each euro paid for a listing is shared between the actors who made its reuse possible,
-- as versioned data a coordinator changes without a release; and the standard weight and packed volume of
-- each category, which per-kg fees (and, later, collection routing) need.

-- One packed unit of each inventory category. Orders of magnitude from common manufacturers' datasheets
-- (device plus its power supply or stand) and the cartons workshops ship in; a coordinator can correct them.
create table category_standard (
    category  varchar(16)   primary key,
    weight_kg numeric(8, 3) not null check (weight_kg > 0),
    volume_m3 numeric(8, 4) not null check (volume_m3 > 0),
    source    text          not null
);
insert into category_standard (category, weight_kg, volume_m3, source) values
    ('LAPTOP',      2.200, 0.0120, 'Portable professionnel 14–15 pouces ~1,7 kg + chargeur ~0,4 kg ; carton ~45×33×8 cm'),
    ('DESKTOP',     8.000, 0.0500, 'Unité centrale tour ou compacte, 5 à 10 kg ; carton ~50×25×40 cm'),
    ('SCREEN',      5.000, 0.0400, 'Écran 22–24 pouces avec pied, 4 à 6 kg ; carton ~62×14×45 cm'),
    ('SMARTPHONE',  0.200, 0.0010, 'Smartphone ~0,18 kg + câble ; boîte ~18×10×6 cm'),
    ('TABLET',      0.500, 0.0030, 'Tablette 10 pouces ~0,45 kg + chargeur ; boîte ~28×21×5 cm'),
    ('PRINTER',    12.000, 0.0900, 'Imprimante laser de bureau, 8 à 20 kg ; carton ~50×45×40 cm'),
    ('SERVER',     20.000, 0.0900, 'Serveur rack 1U–2U, 15 à 25 kg ; carton ~80×55×20 cm'),
    ('NETWORK',     3.000, 0.0150, 'Commutateur ou routeur 24–48 ports, 2 à 5 kg ; carton ~50×30×10 cm'),
    ('OTHER',       2.000, 0.0100, 'Périphériques et accessoires, en moyenne ; carton ~30×30×11 cm');

-- A version of the rules for one listing kind, and optionally one category (null: every category of the kind).
-- Immutable once created: a change is a new version effective now or later, so a past sale can always be
-- explained by the version that applied when it was reserved.
create table sharing_rule_set (
    id              uuid          primary key,
    listing_kind    varchar(16)   not null check (listing_kind in ('UPCOMING_LOT', 'REFURBISHED')),
    category        varchar(16)   references category_standard (category),
    version         integer       not null check (version > 0),
    effective_from  timestamptz   not null,
    note            varchar(1000),
    created_at      timestamptz   not null,
    -- No foreign key: the record of who decided outlives their account.
    created_by_id   uuid,
    created_by_name varchar(200)  not null
);
-- Versions count per (kind, category), the kind-wide sets being one more series.
create unique index sharing_rule_set_version_uk on sharing_rule_set (listing_kind, coalesce(category, ''), version);
create index sharing_rule_set_in_force_idx on sharing_rule_set (listing_kind, category, effective_from desc, version desc);

-- One line per role; the seller is never a line: it takes what is left.
create table sharing_rule (
    rule_set_id uuid           not null references sharing_rule_set (id),
    role        varchar(20)    not null check (role in ('WORKSHOP', 'COLLECTOR', 'DONOR', 'PLATFORM', 'SOLIDARITY_FUND')),
    -- PER_UNIT: euros per unit; PER_KG: euros per kg of standard weight; PERCENT: percent of what the buyer pays.
    basis       varchar(8)     not null check (basis in ('PER_UNIT', 'PER_KG', 'PERCENT')),
    value       numeric(10, 2) not null check (value >= 0),
    primary key (rule_set_id, role),
    check (basis <> 'PERCENT' or value <= 100)
);

create function sharing_rules_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'sharing rules are immutable: create a new version instead';
end $$;
create trigger sharing_rule_set_immutable before update or delete on sharing_rule_set
    for each row execute function sharing_rules_immutable();
create trigger sharing_rule_immutable before update or delete on sharing_rule
    for each row execute function sharing_rules_immutable();

-- Defaults, kind-wide, from 2024-01-01. Assumptions from the French reuse sector, to be revised by the territory:
-- - WORKSHOP, per unit: certified data wiping (ANSSI/NIST 800-88 style, with a certificate per device) plus
--   sorting, testing, cleaning and minor repair costs social-economy workshops about 20–40 € for a laptop;
--   25 € for refurbished stock. An upcoming lot is only wiped and sorted when it is collected: 15 €.
-- - COLLECTOR, per kg: professional WEEE pick-up on site, with traceability, is priced in tenths of a euro per
--   kg: 0.40 €/kg of the category's standard weight (0.88 € for a 2.2 kg laptop, 3.20 € for an 8 kg desktop).
-- - PLATFORM: 3 % of the price on refurbished sales (payment fees and running the platform), 2 % on upcoming lots
--   (larger tickets, no stock held).
-- - SOLIDARITY_FUND: 5 % of every price, which covers the chain's costs on donated or discounted devices for
--   associations (those sales are subsidised when the fees exceed what the buyer pays).
-- - DONOR: no share by default; a donor may ask for one in a new version (0 lines are omitted).
insert into sharing_rule_set (id, listing_kind, category, version, effective_from, note, created_at, created_by_id,
                              created_by_name) values
    ('5a000000-0000-0000-0000-000000000001', 'REFURBISHED', null, 1, '2024-01-01T00:00:00Z',
     'Valeurs initiales : atelier 25 € par unité, collecte 0,40 €/kg, plateforme 3 %, fonds de solidarité 5 %',
     '2024-01-01T00:00:00Z', null, 'Boucle'),
    ('5a000000-0000-0000-0000-000000000002', 'UPCOMING_LOT', null, 1, '2024-01-01T00:00:00Z',
     'Valeurs initiales : collecte 0,40 €/kg, atelier 15 € par unité, plateforme 2 %, fonds de solidarité 5 %',
     '2024-01-01T00:00:00Z', null, 'Boucle');
insert into sharing_rule (rule_set_id, role, basis, value) values
    ('5a000000-0000-0000-0000-000000000001', 'WORKSHOP',        'PER_UNIT', 25.00),
    ('5a000000-0000-0000-0000-000000000001', 'COLLECTOR',       'PER_KG',    0.40),
    ('5a000000-0000-0000-0000-000000000001', 'PLATFORM',        'PERCENT',   3.00),
    ('5a000000-0000-0000-0000-000000000001', 'SOLIDARITY_FUND', 'PERCENT',   5.00),
    ('5a000000-0000-0000-0000-000000000002', 'COLLECTOR',       'PER_KG',    0.40),
    ('5a000000-0000-0000-0000-000000000002', 'WORKSHOP',        'PER_UNIT', 15.00),
    ('5a000000-0000-0000-0000-000000000002', 'PLATFORM',        'PERCENT',   2.00),
    ('5a000000-0000-0000-0000-000000000002', 'SOLIDARITY_FUND', 'PERCENT',   5.00);
