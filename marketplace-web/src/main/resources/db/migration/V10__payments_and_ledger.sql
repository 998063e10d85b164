-- Payments (Stripe or not), invoices, and the value-sharing ledger.

-- A connected account receives its shares by Stripe Connect transfers; a customer receives Stripe invoices.
alter table organization
    add column stripe_account_id  varchar(64) unique check (stripe_account_id ~ '^acct_[A-Za-z0-9]+$'),
    add column stripe_customer_id varchar(64) unique;

-- French invoices are numbered in one unbroken chronological series.
create sequence invoice_number_seq;

alter table customer_order
    add column invoice_number          varchar(20)  unique,
    -- Chorus Pro: the public buyer's service code and its commitment (purchase order) number.
    add column buyer_service_code      varchar(100),
    add column buyer_commitment_number varchar(50),
    add column payment_intent_id       varchar(255) unique,
    -- Given to the buyer's browser only, to confirm the PaymentIntent with Stripe.js.
    add column payment_client_secret   varchar(255),
    -- A SEPA debit takes days: once Stripe says it is processing, the order is no longer abandoned.
    add column payment_processing_at   timestamptz,
    add column stripe_invoice_id       varchar(255) unique,
    -- The charge the transfers are funded from (source_transaction).
    add column charge_id               varchar(255),
    add column refund_id               varchar(255),
    add column last_payment_error      varchar(500),
    -- A bank transfer received outside Stripe, recorded by a coordinator.
    add column payment_reference       varchar(200),
    add column ended_at                timestamptz;
alter table customer_order drop constraint customer_order_status_check;
alter table customer_order add constraint customer_order_status_check
    check (status in ('AWAITING_PAYMENT', 'PAID', 'DONATED', 'CANCELLED', 'REFUNDED'));
create index customer_order_unpaid_idx on customer_order (created_at)
    where status = 'AWAITING_PAYMENT' and payment_method in ('card', 'sepa_debit');

-- Every Stripe event we accepted, once: a repeated delivery finds its id here and changes nothing.
create table stripe_event (
    id          varchar(255) primary key,
    type        varchar(100) not null,
    created     timestamptz  not null,
    received_at timestamptz  not null,
    order_id    uuid         references customer_order (id),
    outcome     varchar(200) not null
);

-- How one order's money is shared, fixed at checkout by the rules in force when it was reserved.
create table settlement_line (
    id              uuid        primary key,
    order_id        uuid        not null references customer_order (id),
    position        smallint    not null,
    -- Null for the platform and the solidarity fund.
    organization_id uuid        references organization (id),
    role            varchar(20) not null,
    -- PAYMENT lines sum to the amount paid; SOLIDARITY_FUND lines are the subsidy that covers the chain's costs.
    source          varchar(16) not null check (source in ('PAYMENT', 'SOLIDARITY_FUND')),
    amount_cents    bigint      not null check (amount_cents >= 0),
    currency        char(3)     not null,
    rule_set_id     uuid        not null,
    rule_version    integer     not null,
    status          varchar(12) not null
        check (status in ('PENDING', 'CREDITED', 'TRANSFERRED', 'REVERSED', 'CANCELLED', 'UNFUNDED')),
    transfer_id     varchar(255) unique,
    reversal_id     varchar(255) unique,
    unique (order_id, position)
);
create index settlement_line_transfer_due_idx on settlement_line (order_id)
    where status = 'CREDITED' and transfer_id is null;

-- Double-entry ledger: each journal's entries sum to zero (checked at commit), balances are sums per account.
create table ledger_account (
    id              uuid        primary key,
    kind            varchar(20) not null
        check (kind in ('ORGANIZATION', 'PLATFORM', 'SOLIDARITY_FUND', 'BUYER_PAYMENTS', 'PAYOUTS', 'CONTRIBUTIONS')),
    organization_id uuid        unique references organization (id),
    check ((kind = 'ORGANIZATION') = (organization_id is not null))
);
create unique index ledger_account_singleton_uk on ledger_account (kind) where kind <> 'ORGANIZATION';
insert into ledger_account (id, kind) values
    ('00000000-0000-0000-0000-00000000f001', 'PLATFORM'),
    ('00000000-0000-0000-0000-00000000f002', 'SOLIDARITY_FUND'),
    ('00000000-0000-0000-0000-00000000f003', 'BUYER_PAYMENTS'),
    ('00000000-0000-0000-0000-00000000f004', 'PAYOUTS'),
    ('00000000-0000-0000-0000-00000000f005', 'CONTRIBUTIONS');

create table ledger_entry (
    id                 bigserial    primary key,
    journal_id         uuid         not null,
    account_id         uuid         not null references ledger_account (id),
    -- Positive: the account's holder is owed more (credit); negative: less.
    amount_cents       bigint       not null check (amount_cents <> 0),
    currency           char(3)      not null,
    order_id           uuid         references customer_order (id),
    settlement_line_id uuid         references settlement_line (id),
    description        varchar(300) not null,
    created_at         timestamptz  not null
);
create index ledger_entry_account_idx on ledger_entry (account_id);
create index ledger_entry_order_idx on ledger_entry (order_id);
create index ledger_entry_journal_idx on ledger_entry (journal_id);

create function ledger_journal_balances() returns trigger language plpgsql as $$
begin
    if (select sum(amount_cents) from ledger_entry where journal_id = new.journal_id) <> 0 then
        raise exception 'ledger journal % does not balance', new.journal_id;
    end if;
    return null;
end $$;
create constraint trigger ledger_journal_balances after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_journal_balances();
