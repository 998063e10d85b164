-- The chain of custody: every step of a device (an inventory asset) from its donor's park to its second life or to
-- recycling, recorded by the organization that did it, hash-chained per device and anchored daily by a signed digest.

create table custody_event (
    id              uuid         primary key,
    device_id       uuid         not null references asset (id) on delete cascade,
    -- 1, 2, 3... per device: a deleted event leaves a gap the verification reports.
    seq             integer      not null check (seq > 0),
    step            varchar(16)  not null check (step in ('ANNOUNCED', 'COLLECTED', 'RECEIVED', 'SORTED', 'DATA_WIPED',
                        'GRADED', 'REFURBISHED', 'LISTED', 'RESERVED', 'SOLD', 'DONATED', 'RECYCLED', 'DISMANTLED')),
    -- Who did it; ids without foreign keys, so that the hashed content never changes when an account goes.
    user_id         uuid         not null,
    user_name       text         not null,
    organization_id uuid         not null,
    site_id         uuid,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    details         jsonb        not null,
    -- Who holds the device after this step; null once it left the chain (sold or given outside Boucle, recycled).
    holder_id       uuid,
    previous_hash   char(64),
    hash            char(64)     not null,
    unique (device_id, seq)
);
create index custody_event_recorded_idx on custody_event (recorded_at, id);
create index custody_event_organization_idx on custody_event (organization_id, device_id);
create index custody_event_holder_idx on custody_event (holder_id, device_id);

-- Append-only: the application never changes or deletes an event (deleting the device's donor still cascades).
create function custody_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'custody events are append-only';
end $$;
create trigger custody_event_no_update before update on custody_event
    for each row execute function custody_event_append_only();

-- One territory day's log, digested and signed (Ed25519): the digest covers the hashes of the day's events.
create table custody_anchor (
    day          date         primary key,
    events       integer      not null,
    digest       char(64)     not null,
    signature    text         not null,
    public_key   text         not null,
    anchored_at  timestamptz  not null
);

-- Scanners type a serial number or an asset tag, whichever donor the device came from.
create index asset_serial_lookup_idx on asset (serial) where serial is not null;
create index asset_tag_lookup_idx on asset (asset_tag) where asset_tag is not null;
