-- What a checkout turns a hold into. Amounts are fixed at checkout: later price changes never touch an order.
create table customer_order (
    id              uuid           primary key,
    reservation_id  uuid           not null unique references reservation (id),
    listing_id      uuid           not null references listing (id),
    buyer_id        uuid           not null references organization (id),
    seller_id       uuid           not null references organization (id),
    ordered_by      uuid           references user_account (id) on delete set null,
    quantity        integer        not null check (quantity > 0),
    -- Excluding VAT; null for a donation.
    unit_price      numeric(10, 2) check (unit_price >= 0),
    total_excl_vat  numeric(12, 2) not null check (total_excl_vat >= 0),
    vat_rate        numeric(4, 3)  not null,
    currency        char(3)        not null,
    payment_method  varchar(12)    not null check (payment_method in ('card', 'sepa_debit', 'invoice', 'donation')),
    status          varchar(20)    not null check (status in ('AWAITING_PAYMENT', 'PAID', 'DONATED', 'CANCELLED')),
    created_at      timestamptz    not null,
    paid_at         timestamptz
);
create index customer_order_buyer_idx on customer_order (buyer_id, created_at desc);
create index customer_order_seller_idx on customer_order (seller_id, created_at desc);
