-- Holds on listed stock. The listing's quantity_available is the stock still free: a hold takes units from it in
-- the same statement that checks them (never oversold), a release or an expiry gives them back.
create table reservation (
    id              uuid         primary key,
    listing_id      uuid         not null references listing (id),
    organization_id uuid         not null references organization (id),
    reserved_by     uuid         references user_account (id) on delete set null,
    quantity        integer      not null check (quantity > 0),
    status          varchar(12)  not null check (status in ('HELD', 'RELEASED', 'EXPIRED', 'CHECKED_OUT')),
    expires_at      timestamptz  not null,
    -- The client's Idempotency-Key: the same key from the same organization is the same reservation.
    idempotency_key varchar(200),
    created_at      timestamptz  not null,
    ended_at        timestamptz
);
create unique index reservation_idempotency_uk on reservation (organization_id, idempotency_key)
    where idempotency_key is not null;
create index reservation_expiry_idx on reservation (expires_at) where status = 'HELD';
create index reservation_listing_idx on reservation (listing_id);
create index reservation_organization_idx on reservation (organization_id, created_at desc);
